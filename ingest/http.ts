import http from "node:http";
import type { IngestMetrics } from "./metrics";

export interface HealthSource {
  mqttConnected(): boolean;
  dbHealthy(): boolean;
  pending(): number;
}

/**
 * /healthz (200 when both connections are up, else 503) and /metrics (Prometheus). Neither asks
 * who is calling, so they listen on loopback unless told otherwise (INGEST_HTTP_HOST).
 */
export function startIngestHttp(
  { port, host = "127.0.0.1" }: { port: number; host?: string },
  metrics: IngestMetrics,
  health: HealthSource,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz") {
      const body = {
        status: "ok",
        mqtt: health.mqttConnected(),
        db: health.dbHealthy(),
        pending: health.pending(),
      };
      if (!body.mqtt || !body.db) body.status = "degraded";
      res.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    } else if (url.pathname === "/metrics") {
      metrics.registry.metrics().then((text) => {
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(text);
      });
    } else {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "not_found", message: "try /healthz or /metrics" } }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
