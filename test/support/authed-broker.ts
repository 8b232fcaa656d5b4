import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { startIngestWorker, type IngestWorker } from "../../ingest/worker";
import { generateDeviceToken } from "../../lib/domain/devices/credentials";
import { connectDb, type Db } from "../../lib/server/db/connect";
import { createLogger } from "../../lib/server/log";
import { createMqttAuthenticator } from "../../lib/server/mqtt-auth/authenticator";
import { startEmbeddedBroker, type RunningBroker } from "../../scripts/embedded/broker";
import { freePort } from "../../scripts/embedded/ports";
import { createTestDevice, uniqueId, waitUntilIngesting, type TestDevice } from "./fixtures";
import { testWorkerConfig } from "./ingest-config";

export interface Provisioned extends TestDevice {
  token: string;
}

/**
 * The embedded aedes with authentication on (as `npm start` runs it), on this run's database,
 * with the real ingest worker logged in as the service. For a test file about what clients may
 * do on the broker: started before its tests, its clients ended after each.
 */
export function withAuthedBroker(options: { cacheMs: number; maxPacketBytes?: number }) {
  const service = { username: `svc-${uniqueId()}`, password: `svc-password-${uniqueId()}` };
  const db: Db = connectDb(inject("databaseUrl"));
  let broker: RunningBroker | undefined;
  let worker: IngestWorker | undefined;
  let servicePublisher: MqttClient | undefined;
  const clients: MqttClient[] = [];

  async function provision(): Promise<Provisioned> {
    const device = await createTestDevice(db.sql, [{ name: "temperature" }, { name: "marker" }]);
    const { token, hash } = generateDeviceToken();
    await db.sql`insert into device_tokens (device_id, token_hash) values (${device.id}, ${hash})`;
    return { ...device, token };
  }

  /** A client, connected; a device's client id is its key unless given (the service's: a fresh one). */
  async function connect(client: IClientOptions): Promise<MqttClient> {
    const isDevice = client.username !== undefined && client.username !== service.username;
    const connected = await mqtt.connectAsync(broker!.url, {
      clientId: isDevice ? client.username : `it-${uniqueId()}`,
      reconnectPeriod: 0,
      connectTimeout: 5000,
      ...client,
    });
    clients.push(connected);
    return connected;
  }

  /** The CONNACK return code a refused connection got (4 bad credentials, 5 not authorised, 2 identifier rejected). */
  async function refusal(client: IClientOptions): Promise<number> {
    const result = await connect(client).catch((err: { code?: number }) => err);
    if ("connected" in result) throw new Error("the broker let this client in");
    return result.code ?? -1;
  }

  beforeAll(async () => {
    const authenticator = createMqttAuthenticator({ sql: db.sql, service, cacheMs: options.cacheMs });
    broker = await startEmbeddedBroker(await freePort(), "127.0.0.1", {
      authenticator,
      recheckMs: 300,
      maxPacketBytes: options.maxPacketBytes,
    });
    worker = await startIngestWorker(
      testWorkerConfig(inject("databaseUrl"), {
        url: broker.url,
        protocolVersion: 4,
        sharedGroup: "",
        ...service,
      }),
      createLogger("broker-auth-test", "warn"),
    );
    servicePublisher = await connect(service);
    const probe = await provision();
    await waitUntilIngesting(
      db.sql,
      (topic, payload) => servicePublisher!.publishAsync(topic, payload, { qos: 1 }),
      probe,
    );
  });

  afterEach(async () => {
    await Promise.all(clients.splice(1).map((c) => c.endAsync(true)));
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync(true)));
    await worker?.stop();
    await broker?.stop();
    await db.close();
  });

  return {
    db,
    service,
    provision,
    connect,
    refusal,
    get broker(): RunningBroker {
      if (!broker) throw new Error("the broker starts in beforeAll");
      return broker;
    },
    get servicePublisher(): MqttClient {
      if (!servicePublisher) throw new Error("the service connects in beforeAll");
      return servicePublisher;
    },
  };
}

/** Resolves once `client`'s connection is gone (at once when it already is). */
export const closed = (client: MqttClient) =>
  new Promise<void>((resolve) => (client.connected ? client.once("close", () => resolve()) : resolve()));
