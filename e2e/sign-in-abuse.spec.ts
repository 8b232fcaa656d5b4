import { expect, test } from "@playwright/test";
import { uniqueId } from "../test/support/fixtures";
import { postSignIn } from "./support/raw-http";
import { worldForSpec } from "./support/world";

// Each test signs in from a loopback address of its own (127.0.0.x): the per-address limit it
// trips must not throttle the rest of the suite, which signs in from 127.0.0.1.
const spec = worldForSpec();

const form = (email: string, password: string) =>
  `email=${encodeURIComponent(email)}&password=${encodeURIComponent(password)}`;
const sessionCookie = (res: { headers: { "set-cookie"?: string[] } }) =>
  (res.headers["set-cookie"] ?? []).find((c) => c.includes("next-auth.session-token="));

test("a form with the email twice is refused before the throttle or the password are looked at", async ({
  baseURL,
}) => {
  const { viewer } = spec.world.people;
  const decoy = `decoy-${uniqueId()}@e2e.test`;
  const res = await postSignIn(
    baseURL!,
    `email=${encodeURIComponent(decoy)}&${form(viewer.email, viewer.password)}`,
    {
      from: "127.0.0.2",
    },
  );
  expect(res.status).toBe(400);
  expect(JSON.parse(res.body).error.code).toBe("invalid_request");
  expect(sessionCookie(res)).toBeUndefined();
  const extra = await postSignIn(baseURL!, `${form(viewer.email, viewer.password)}&username=x`, {
    from: "127.0.0.2",
  });
  expect(extra.status).toBe(400);
});

test("a new X-Forwarded-For on every attempt doesn't escape the per-address limit", async ({ baseURL }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++) {
    const res = await postSignIn(baseURL!, form(`nobody-${i}-${uniqueId()}@e2e.test`, "wrong-password"), {
      from: "127.0.0.3",
      headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}` },
    });
    statuses.push(res.status);
  }
  // 30 failures a minute per address: attempts 31 to 35 wait.
  expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
  expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
});

test("many accounts from one address: the 31st failure in a minute gets 429", async ({ baseURL }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++)
    statuses.push(
      (await postSignIn(baseURL!, form(`many-${i}-${uniqueId()}@e2e.test`, "nope"), { from: "127.0.0.4" }))
        .status,
    );
  expect(statuses.indexOf(429)).toBe(30);
});

test("a locked account waits whatever path the password is tried on", async ({ baseURL }) => {
  const { operator } = spec.world.people;
  for (let i = 0; i < 10; i++)
    expect(
      (await postSignIn(baseURL!, form(operator.email, `wrong-${i}`), { from: "127.0.0.5" })).status,
    ).not.toBe(429);
  // next-auth reads only the first two path segments: every one of these reaches the credentials
  // check (a trailing slash is redirected before it reaches any route).
  for (const path of [
    "/api/auth/callback/credentials",
    "/api/auth/callback/credentials/anything",
    "/api/auth/callback/credentials/anything/else",
    "/api/auth/callback/credentials?x=1",
  ]) {
    for (const email of [operator.email, ` ${operator.email.toUpperCase()} `]) {
      const res = await postSignIn(baseURL!, form(email, operator.password), { from: "127.0.0.6", path });
      expect(res.status, `${path} as "${email}"`).toBe(429);
      expect(sessionCookie(res)).toBeUndefined();
    }
  }
});
