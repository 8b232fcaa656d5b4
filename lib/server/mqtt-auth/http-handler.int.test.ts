import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDb, type Db } from "../db/connect";
import { generateDeviceToken } from "../../domain/devices/credentials";
import { createTestDevice, uniqueId, type TestDevice } from "../../../test/support/fixtures";
import { createMqttAuthenticator, type MqttAuthenticator } from "./authenticator";
import { handleMqttAclRequest, handleMqttAuthRequest } from "./http-handler";

// What /api/mqtt/auth and /api/mqtt/acl answer EMQX and mosquitto-go-auth, against a real database.
const SECRET = `broker-secret-${uniqueId()}-0123456789`;
const service = { username: `svc-${uniqueId()}`, password: `svc-password-${uniqueId()}` };
let db: Db;
let authenticator: MqttAuthenticator;
const deps = () => ({ secret: SECRET, authenticator: () => authenticator });

interface Provisioned extends TestDevice {
  token: string;
}

async function provision(): Promise<Provisioned> {
  const device = await createTestDevice(db.sql);
  const { token, hash } = generateDeviceToken();
  await db.sql`insert into device_tokens (device_id, token_hash) values (${device.id}, ${hash})`;
  return { ...device, token };
}

/** A request as the broker sends it: JSON (EMQX, go-auth json params) or a form (go-auth form params). */
function brokerRequest(
  path: string,
  fields: Record<string, string | number>,
  as: "json" | "form" = "json",
): Request {
  const body =
    as === "json"
      ? JSON.stringify(fields)
      : new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
  const type = as === "json" ? "application/json" : "application/x-www-form-urlencoded";
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": type, authorization: `Bearer ${SECRET}` },
    body,
  });
}

const login = async (fields: Record<string, string>, as: "json" | "form" = "json") => {
  const res = await handleMqttAuthRequest(brokerRequest("/api/mqtt/auth", fields, as), deps());
  return { status: res.status, body: (await res.json()) as { result: string; ok: boolean } };
};
const acl = async (fields: Record<string, string | number>, as: "json" | "form" = "json") => {
  const res = await handleMqttAclRequest(brokerRequest("/api/mqtt/acl", fields, as), deps());
  return { status: res.status, body: (await res.json()) as { result: string; ok: boolean } };
};
const ALLOW = { status: 200, body: expect.objectContaining({ result: "allow", ok: true }) };
const DENY = { status: 403, body: expect.objectContaining({ result: "deny", ok: false }) };
const EMQX_DENY = { status: 200, body: expect.objectContaining({ result: "deny" }) };

beforeAll(() => {
  db = connectDb(inject("databaseUrl"));
  // No cache: each case sees the database as it is now.
  authenticator = createMqttAuthenticator({ sql: db.sql, service, cacheMs: 0 });
});
afterAll(() => db?.close());

describe("POST /api/mqtt/auth", () => {
  it("allows a device's live token and the service, as JSON or form", async () => {
    const device = await provision();
    expect(await login({ username: device.key, password: device.token, clientid: device.key })).toEqual(
      ALLOW,
    );
    expect(
      await login({ username: device.key, password: device.token, clientid: `${device.key}.2` }, "form"),
    ).toEqual(ALLOW);
    expect(await login({ ...service, clientid: "ingest-1", broker: "emqx" })).toEqual(ALLOW);
  });

  it("denies a wrong token, a rotated one, a disabled device — with 403, or 200 deny to EMQX", async () => {
    const device = await provision();
    expect(await login({ username: device.key, password: "fwd_wrong", clientid: "c1" })).toEqual(DENY);
    expect(
      await login({ username: device.key, password: "fwd_wrong", clientid: "c1", broker: "emqx" }),
    ).toEqual(EMQX_DENY);
    expect(await login({ username: service.username, password: device.token })).toEqual(DENY);
    const fresh = generateDeviceToken();
    await db.sql`update device_tokens set revoked_at = now() where device_id = ${device.id}`;
    await db.sql`insert into device_tokens (device_id, token_hash) values (${device.id}, ${fresh.hash})`;
    expect(await login({ username: device.key, password: device.token, clientid: device.key })).toEqual(DENY);
    expect(await login({ username: device.key, password: fresh.token, clientid: device.key })).toEqual(ALLOW);
    await db.sql`update devices set disabled = true where id = ${device.id}`;
    expect(
      await login({ username: device.key, password: fresh.token, clientid: device.key }, "form"),
    ).toEqual(DENY);
  });

  it("denies a device any client id but its own (mosquitto-go-auth and EMQX send `clientid`)", async () => {
    const [x, y] = [await provision(), await provision()];
    // Y's id would hand X Y's session, and the broker would kick Y off for it.
    expect(await login({ username: x.key, password: x.token, clientid: y.key })).toEqual(DENY);
    expect(await login({ username: x.key, password: x.token, clientid: y.key, broker: "emqx" })).toEqual(
      EMQX_DENY,
    );
    expect(await login({ username: x.key, password: x.token, clientid: `${y.key}.x` }, "form")).toEqual(DENY);
    expect(await login({ username: x.key, password: x.token })).toEqual(DENY);
    expect(await login({ username: y.key, password: y.token, client_id: y.key })).toEqual(ALLOW);
  });
});

describe("POST /api/mqtt/acl", () => {
  it("allows a device its own topics, mosquitto-go-auth style (acc)", async () => {
    const a = await provision();
    expect(
      await acl({ username: a.key, clientid: "c1", topic: `devices/${a.key}/telemetry`, acc: 2 }),
    ).toEqual(ALLOW);
    expect(
      await acl({ username: a.key, clientid: "c1", topic: `devices/${a.key}/commands/ack`, acc: 2 }, "form"),
    ).toEqual(ALLOW);
    expect(
      await acl({ username: a.key, clientid: "c1", topic: `devices/${a.key}/commands`, acc: 4 }),
    ).toEqual(ALLOW);
    expect(
      await acl({ username: a.key, clientid: "c1", topic: `devices/${a.key}/commands`, acc: 1 }),
    ).toEqual(ALLOW);
  });

  it("denies another device's topics, wildcards, the app's direction and a disabled device", async () => {
    const [a, b] = [await provision(), await provision()];
    expect(await acl({ username: a.key, topic: `devices/${b.key}/telemetry`, acc: 2 })).toEqual(DENY);
    expect(await acl({ username: a.key, topic: "#", acc: 4 })).toEqual(DENY);
    expect(await acl({ username: a.key, topic: `devices/${b.key}/commands`, acc: 1 })).toEqual(DENY);
    expect(await acl({ username: a.key, topic: `devices/${a.key}/commands`, acc: 2 })).toEqual(DENY);
    expect(await acl({ username: a.key, topic: `devices/${a.key}/commands`, acc: 3 })).toEqual(DENY);
    expect(await acl({ username: `nobody-${uniqueId()}`, topic: "devices/x/telemetry", acc: 2 })).toEqual(
      DENY,
    );
    await db.sql`update devices set disabled = true where id = ${a.id}`;
    expect(await acl({ username: a.key, topic: `devices/${a.key}/telemetry`, acc: 2 })).toEqual(DENY);
  });

  it("answers EMQX (action) with 200 allow or 200 deny, and lets the service do anything", async () => {
    const a = await provision();
    expect(
      await acl({ username: a.key, clientid: "c1", topic: `devices/${a.key}/status`, action: "publish" }),
    ).toEqual(ALLOW);
    expect(
      await acl({ username: a.key, clientid: "c1", topic: "devices/+/commands", action: "subscribe" }),
    ).toEqual(EMQX_DENY);
    expect(
      await acl({ username: service.username, topic: "devices/+/telemetry", action: "subscribe" }),
    ).toEqual(ALLOW);
    expect(await acl({ username: service.username, topic: `devices/${a.key}/commands`, acc: 2 })).toEqual(
      ALLOW,
    );
  });
});
