import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../lib/server/env";
import { startIngestHttp } from "./http";
import { createIngestMetrics } from "./metrics";

const health = { mqttConnected: () => true, dbHealthy: () => true, pending: () => 0 };

describe("the ingest worker's /metrics and /healthz", () => {
  it("listen on loopback unless INGEST_HTTP_HOST widens them", async () => {
    expect(parseEnv({}).INGEST_HTTP_HOST).toBe("127.0.0.1");
    expect(parseEnv({ INGEST_HTTP_HOST: "0.0.0.0" }).INGEST_HTTP_HOST).toBe("0.0.0.0");
    expect(() => parseEnv({ INGEST_HTTP_HOST: "every interface" })).toThrow(/INGEST_HTTP_HOST/);

    const server = await startIngestHttp({ port: 0 }, createIngestMetrics(), health);
    try {
      const { address, port } = server.address() as AddressInfo;
      expect(address).toBe("127.0.0.1");
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
