import { expect, test } from "@playwright/test";
import type { Db } from "../lib/server/db/connect";
import { uniqueId } from "../test/support/fixtures";
import { createWorld, type World } from "./support/personas";
import { openDb, signIn } from "./support/stack";

// The fleet views: the Overview's figures and the Sites page follow what each person may see;
// the Devices table filters and pages through a site of 60 devices, state in the URL.
let db: Db;
let world: World;
let site: { slug: string; name: string };

test.beforeAll(async () => {
  db = openDb();
  world = await createWorld(db);
  const id = uniqueId();
  site = { slug: `orchard-${id}`, name: `Orchard ${id}` };
  const [s] = await db.sql<
    { id: string }[]
  >`insert into sites (slug, name) values (${site.slug}, ${site.name}) returning id`;
  const type = async (name: string) =>
    (
      await db.sql<
        { id: string }[]
      >`insert into device_types (slug, name, metrics) values (${`${name.toLowerCase()}-${id}`}, ${`${name} ${id}`}, '[]') returning id`
    )[0]!.id;
  const [probe, valve] = [await type("Probe"), await type("Valve")];
  // 60 devices: 40 heard from a minute ago (online), 20 never seen; every third one a valve.
  await db.sql`
    insert into devices (key, name, site_id, type_id, last_seen_at)
    select ${`orch-${id}-`} || lpad(i::text, 2, '0'), 'Orchard sensor ' || lpad(i::text, 2, '0'), ${s!.id},
           case when i % 3 = 0 then ${valve}::uuid else ${probe}::uuid end,
           case when i <= 40 then now() - interval '1 minute' end
    from generate_series(1, 60) i`;
});
test.afterAll(() => db?.close());

test("the Overview counts only what a viewer may see, and hides the quarantine from them", async ({
  page,
}) => {
  await signIn(page, world.people.viewer.email, world.people.viewer.password);
  await expect(page).toHaveURL(/\/overview$/);
  // The farm viewer sees one device, never seen.
  await expect(page.getByTestId("overview-never")).toHaveText("1");
  await expect(page.getByTestId("overview-online")).toHaveText("0");
  await expect(page.getByTestId("overview-rate")).toBeVisible();
  await expect(page.getByTestId("overview-quarantined")).toHaveCount(0);
  await expect(
    page.getByRole("link", { name: new RegExp(world.farm.slug.replace("farm-", "farm ")) }),
  ).toBeVisible();
  await expect(page.getByText(world.factory.slug.replace("factory-", "factory "))).toHaveCount(0);
});

test("an operator sees the messages quarantined in the last hour", async ({ page }) => {
  await signIn(page, world.people.operator.email, world.people.operator.password);
  await page.goto("/overview");
  await expect(page.getByTestId("overview-quarantined")).toHaveText("1");
});

test("the Sites page lists each site's devices and their state", async ({ page }) => {
  await signIn(page);
  await page.goto("/sites");
  const card = page.locator(`[id="${site.slug}"]`);
  await expect(card.getByRole("heading", { name: site.name })).toBeVisible();
  await expect(card.getByTestId(`site-counts-${site.slug}`)).toHaveText(
    "40 online · 0 offline · 20 never seen",
  );
  await expect(card.getByRole("listitem")).toHaveCount(12);
  await card.getByRole("link", { name: `All 60 devices of ${site.name} →` }).click();
  await expect(page).toHaveURL(new RegExp(`/devices\\?site=${site.slug}$`));
  await expect(page.getByText("1–25 of 60")).toBeVisible();
});

test("filter and page through the Devices table, with the state in the URL", async ({ page }) => {
  await signIn(page);
  await page.goto(`/devices?site=${site.slug}`);
  await expect(page.getByText("1–25 of 60")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("26–50 of 60")).toBeVisible();

  await page.getByLabel("Type").selectOption({ label: `Valve ${site.slug.replace("orchard-", "")}` });
  await expect(page).toHaveURL(/type=valve-/);
  await expect(page.getByText("20 devices match")).toBeVisible();
  await page.getByLabel("Type").selectOption("");
  await expect(page).not.toHaveURL(/type=/);

  await page.getByLabel("Status").selectOption("never");
  await expect(page).toHaveURL(/status=never/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByText("20 devices match")).toBeVisible();

  await page.getByLabel("Search devices").fill("sensor 07");
  await expect(page).toHaveURL(/q=sensor/);
  await expect(page.getByText("No devices match")).toBeVisible();
  await page.getByLabel("Search devices").fill("sensor 47");
  await expect(page.getByText("1 device matches")).toBeVisible();

  // The same URL opened afresh shows the same view.
  await page.reload();
  await expect(page.getByText("1 device matches")).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("never");
});

test("on a phone (375 px) the pages fit the screen: the table becomes cards", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await signIn(page);
  for (const path of ["/overview", "/sites", `/devices?site=${site.slug}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await expect(page.getByRole("link", { name: /Orchard sensor 01/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("devices-375.png"), fullPage: true });
});
