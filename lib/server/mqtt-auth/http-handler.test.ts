import { describe, expect, it } from "vitest";
import type { MqttAuthenticator } from "./authenticator";
import { handleMqttAclRequest, handleMqttAuthRequest } from "./http-handler";

const SECRET = "broker-shared-secret-1234";
// The guard must answer before anything is looked up: this authenticator fails the test if asked.
const untouchable = (): MqttAuthenticator => {
  throw new Error("authenticator used before the secret was checked");
};
const post = (path: string, headers: Record<string, string>, body = '{"username":"dev-a","password":"x"}') =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("MQTT HTTP auth guard", () => {
  it("answers 503 not_configured when MQTT_AUTH_SECRET is unset", async () => {
    for (const handle of [handleMqttAuthRequest, handleMqttAclRequest]) {
      const res = await handle(post("/api/mqtt/auth", { authorization: `Bearer ${SECRET}` }), {
        secret: undefined,
        authenticator: untouchable,
      });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe("not_configured");
    }
  });

  it.each([
    ["no secret", {}],
    ["a wrong bearer", { authorization: "Bearer not-the-secret" }],
    ["a longer one", { "x-fieldwatch-secret": `${SECRET}x` }],
    ["a prefix", { "x-fieldwatch-secret": SECRET.slice(0, -1) }],
  ])("answers 401 to %s", async (_what, headers) => {
    const res = await handleMqttAuthRequest(post("/api/mqtt/auth", headers), {
      secret: SECRET,
      authenticator: untouchable,
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  });

  it("denies a malformed body once the secret is right, without a lookup", async () => {
    const deps = { secret: SECRET, authenticator: untouchable };
    const bad = await handleMqttAuthRequest(
      post("/api/mqtt/auth", { "x-fieldwatch-secret": SECRET }, "{nope"),
      deps,
    );
    expect(bad.status).toBe(403);
    expect((await bad.json()).result).toBe("deny");
    const acl = await handleMqttAclRequest(
      post("/api/mqtt/acl?secret=" + SECRET, {}, '{"username":"dev-a","topic":"t","acc":9}'),
      deps,
    );
    expect(acl.status).toBe(403);
    const huge = await handleMqttAuthRequest(
      post(
        "/api/mqtt/auth",
        { "x-fieldwatch-secret": SECRET },
        JSON.stringify({ username: "dev-a", password: "x".repeat(20_000) }),
      ),
      deps,
    );
    expect(huge.status).toBe(403);
  });
});
