import { expect, test } from "@playwright/test";
import { postSignIn, rawRequest } from "./support/raw-http";
import { worldForSpec } from "./support/world";

const spec = worldForSpec();

const FIFTY_MB = 50 * 1024 * 1024;
const KIB = 1024;
const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

// A route answers 413 once the body passes its limit, without waiting for the rest: the bodies
// here never end, so a route that read to the end would never answer. Declared (50 MB in
// Content-Length, nothing sent: refused before a byte is read) or chunked (one byte past the
// limit sent, the length unknown).
for (const declared of [true, false]) {
  const how = declared ? "50 MB declared" : "chunked, past 64 KiB";
  const endless = declared ? { sendBytes: 0, declaredBytes: FIFTY_MB } : { sendBytes: 64 * KIB + 1 };
  test(`routes that take JSON: 413 payload_too_large (${how})`, async ({ baseURL }) => {
    const admin = spec.world.people.siteAdmin.token;
    for (const [method, path, headers] of [
      ["POST", "/api/password-links/not-a-real-link", {}],
      ["PATCH", `/api/devices/${spec.world.farm.deviceKey}`, { authorization: `Bearer ${admin}` }],
      ["POST", "/api/users", { authorization: `Bearer ${admin}` }],
    ] as const) {
      const res = await rawRequest(baseURL + path, {
        method,
        headers: { "content-type": "application/json", ...headers },
        endless,
      });
      expect(res.status, `${method} ${path}`).toBe(413);
      expect(errorCode(res.body)).toBe("payload_too_large");
    }
  });
}

test("the sign-in form and the CSV import have limits of their own", async ({ baseURL }) => {
  const signIn = await postSignIn(baseURL!, `email=a%40e2e.test&password=${"x".repeat(16 * 1024)}`, {
    from: "127.0.0.7",
  });
  expect(signIn.status).toBe(413);
  const csv = await rawRequest(`${baseURL}/api/devices/import`, {
    method: "POST",
    headers: { "content-type": "text/csv", authorization: `Bearer ${spec.world.people.globalAdmin.token}` },
    endless: { sendBytes: 2 * 1024 * KIB + 1 },
  });
  expect(csv.status).toBe(413);
  expect(errorCode(csv.body)).toBe("payload_too_large");
});

test("a body under the limit is read as ever", async ({ baseURL }) => {
  const res = await rawRequest(`${baseURL}/api/devices/${spec.world.farm.deviceKey}`, {
    method: "PATCH",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${spec.world.people.siteAdmin.token}`,
    },
    body: JSON.stringify({ name: `Renamed ${"x".repeat(10)}` }),
  });
  expect(res.status).toBe(200);
});
