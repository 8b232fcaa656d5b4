import { expect, test, type APIRequestContext } from "@playwright/test";
import { generateWebhookSecret } from "../lib/server/webhooks/signature";
import { apiAs } from "./support/api";
import { signIn } from "./support/stack";
import { worldForSpec } from "./support/world";

const spec = worldForSpec();

async function attempt(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
}

test("the 11th bad password in a minute gets 429, and then even the right one waits", async ({ request }) => {
  const { email, password } = spec.world.people.operator;
  for (let i = 1; i <= 10; i++)
    expect((await attempt(request, email, `wrong-${i}`)).status(), `attempt ${i}`).not.toBe(429);
  const blocked = await attempt(request, email, "wrong-11");
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await blocked.json()).error.code).toBe("rate_limited");
  expect((await attempt(request, email, password)).status()).toBe(429);
  const [row] = await spec.db
    .sql`select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and actor_label = ${email}`;
  expect(row!.n).toBe(10);
});

test("the form says plainly when sign-in is throttled", async ({ page }) => {
  const { email } = spec.world.people.operator; // throttled by the test above
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("whatever-it-is-now");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/too many failed sign-ins/i)).toBeVisible();
});

test("the session cookie is HttpOnly and SameSite; cross-site cookie mutations are refused", async ({
  page,
  baseURL,
}) => {
  await signIn(page, spec.world.people.siteAdmin.email, spec.world.people.siteAdmin.password);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: baseURL!.startsWith("https:"),
  });
  const cross = await page.request.post("/api/tokens", {
    data: { name: "x" },
    headers: { origin: "https://evil.example" },
  });
  expect(cross.status()).toBe(403);
  expect((await cross.json()).error.code).toBe("cross_origin");
  const same = await page.request.post("/api/tokens", {
    data: { name: "x" },
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(same.status()).toBe(201);
});

test("disabling a user or taking a role away works on their very next request", async ({ page, baseURL }) => {
  const { viewer, globalAdmin } = spec.world.people;
  await signIn(page, viewer.email, viewer.password);
  expect((await page.request.get(`/api/devices/${spec.world.farm.deviceKey}`)).status()).toBe(200);
  const admin = apiAs(baseURL!, globalAdmin.token);
  expect((await admin("PATCH", `/api/users/${viewer.id}`, { roles: [] })).status).toBe(200);
  // A role taken away ends their sessions; their API token goes on, without the site.
  expect((await page.request.get(`/api/devices/${spec.world.farm.deviceKey}`)).status()).toBe(401);
  expect(
    (await apiAs(baseURL!, viewer.token)("GET", `/api/devices/${spec.world.farm.deviceKey}`)).status,
  ).toBe(404);
  expect((await admin("PATCH", `/api/users/${viewer.id}`, { disabled: true })).status).toBe(200);
  expect((await page.request.get("/api/devices")).status()).toBe(401);
  expect((await apiAs(baseURL!, viewer.token)("GET", "/api/devices")).status).toBe(401);
});

test("read-only tokens can't change anything", async ({ baseURL }) => {
  const created = await apiAs(baseURL!, spec.world.people.globalAdmin.token)("POST", "/api/tokens", {
    name: "ro",
    scope: "read",
  });
  const readOnly = apiAs(baseURL!, created.json.token);
  expect((await readOnly("GET", "/api/users")).status).toBe(200);
  const write = await readOnly("POST", "/api/sites", { slug: `ro-${Date.now()}`, name: "No" });
  expect(write.status).toBe(403);
  expect(write.json.error.code).toBe("read_only_token");
});

// A signing secret lets its holder forge the site's webhook calls: more than a read-only token
// may do. The browser's session (the Webhooks page's "Show secret") still gets it.
test("a webhook's secret is shown to its admin's session and write token, never to a read-only token", async ({
  page,
  baseURL,
}) => {
  const { siteAdmin } = spec.world.people;
  const secret = generateWebhookSecret();
  const [hook] = await spec.db.sql<{ id: string }[]>`
    insert into webhooks (site_id, name, url, secret) values (${spec.world.farm.id}, 'Secret hook', 'https://hooks.example.com/e2e', ${secret}) returning id`;
  const path = `/api/webhooks/${hook!.id}/secret`;
  const created = await apiAs(baseURL!, siteAdmin.token)("POST", "/api/tokens", {
    name: "ro",
    scope: "read",
  });
  const refused = await apiAs(baseURL!, created.json.token)("GET", path);
  expect(refused.status).toBe(403);
  expect(refused.json.error.code).toBe("read_only_token");
  expect((await apiAs(baseURL!, siteAdmin.token)("GET", path)).json).toEqual({ secret });
  await signIn(page, siteAdmin.email, siteAdmin.password);
  const viaSession = await page.request.get(path);
  expect(viaSession.status()).toBe(200);
  expect(await viaSession.json()).toEqual({ secret });
});
