import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support/stack";
import { worldForSpec } from "./support/world";

const spec = worldForSpec();

/** A second browser of the same person: its own cookies, signed in on its own. */
async function browserOf(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

const devicesStatus = async (page: Page) => (await page.request.get("/api/devices")).status();

test("changing your password ends your other sessions at once; the browser that changed it stays signed in", async ({
  browser,
}) => {
  const { operator } = spec.world.people;
  const here = await browserOf(browser, operator.email, operator.password);
  const elsewhere = await browserOf(browser, operator.email, operator.password);
  expect(await devicesStatus(elsewhere)).toBe(200);

  await here.goto("/profile");
  const form = here.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(operator.password);
  const next = `${operator.password}-renewed`;
  await form.getByLabel("New password", { exact: true }).fill(next);
  await form.getByLabel("Confirm password").fill(next);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(here.getByText("Your other sessions are signed out")).toBeVisible();

  expect(await devicesStatus(here)).toBe(200);
  expect(await devicesStatus(elsewhere)).toBe(401);
  const commands = await elsewhere.request.post(`/api/devices/${spec.world.farm.deviceKey}/commands`, {
    data: { command: { name: "reboot" } },
    headers: { origin: new URL(elsewhere.url()).origin },
  });
  expect(commands.status()).toBe(401);
  await elsewhere.goto("/devices");
  await expect(elsewhere).toHaveURL(/\/login/);
  operator.password = next;
});

test("Sign out everywhere ends every session, this one too", async ({ browser }) => {
  const { viewer } = spec.world.people;
  const here = await browserOf(browser, viewer.email, viewer.password);
  const elsewhere = await browserOf(browser, viewer.email, viewer.password);
  await here.goto("/profile");
  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await here.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/login/);
  expect(await devicesStatus(elsewhere)).toBe(401);
  expect(await devicesStatus(here)).toBe(401);
  // Signing in again works as ever.
  await signIn(here, viewer.email, viewer.password);
  expect(await devicesStatus(here)).toBe(200);
});
