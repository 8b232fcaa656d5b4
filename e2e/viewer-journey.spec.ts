import { expect, test } from "@playwright/test";
import { signIn } from "./support/stack";
import { worldForSpec } from "./support/world";

// A viewer of the farm: sees the farm's devices only, can't open a factory device by URL, and
// is offered no admin actions.
const spec = worldForSpec();

test("a farm viewer sees only farm devices and no admin actions", async ({ page }) => {
  await signIn(page, spec.world.people.viewer.email, spec.world.people.viewer.password);
  await page.goto("/devices");
  await expect(page.getByText(spec.world.farm.deviceKey)).toBeVisible();
  await expect(page.getByText("1 device", { exact: false })).toBeVisible();
  await expect(page.getByText(spec.world.factory.deviceKey)).toHaveCount(0);

  const nav = page.getByRole("navigation").first();
  await expect(nav.getByRole("link", { name: "Devices" })).toBeVisible();
  await expect(page.getByRole("link", { name: /users/i })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /audit/i })).toHaveCount(0);

  const direct = await page.goto(`/devices/${spec.world.factory.deviceKey}`);
  expect(direct?.status()).toBe(404);
  await expect(page.getByText(spec.world.factory.deviceKey)).toHaveCount(0);
  for (const path of ["/users", "/audit"]) expect((await page.goto(path))?.status(), path).toBe(404);
});

test("a farm admin adds a viewer with a one-time link; the viewer sets a password and signs in", async ({
  page,
  browser,
}) => {
  await signIn(page, spec.world.people.siteAdmin.email, spec.world.people.siteAdmin.password);
  await page.goto("/devices");
  await page.getByRole("link", { name: "Users" }).first().click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText(spec.world.people.viewer.email)).toBeVisible();
  await expect(page.getByText(spec.world.people.otherViewer.email)).toHaveCount(0);

  const email = `invited-${Date.now()}@e2e.test`;
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill("Invited Farmer");
  await dialog.getByLabel(/^Role on /).selectOption("viewer");
  await dialog.getByRole("button", { name: "Add user" }).click();
  const link = await page.getByTestId("set-password-url").inputValue();
  expect(link).toMatch(/\/set-password\//);

  const invitee = await browser.newPage();
  await invitee.goto(link);
  await invitee.getByLabel("New password").fill("fence posts at first light");
  await invitee.getByLabel("Confirm password").fill("fence posts at first light");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText(`Password set for ${email}`)).toBeVisible();
  await signIn(invitee, email, "fence posts at first light");
  await invitee.goto("/devices");
  await expect(invitee.getByText(spec.world.farm.deviceKey)).toBeVisible();
  await invitee.close();

  await page.goto("/audit");
  await expect(page.getByTestId("audit-row").filter({ hasText: "user.create" }).first()).toBeVisible();
});
