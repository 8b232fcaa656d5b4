import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Sql } from "../../lib/server/db/connect";
import { generateWebhookSecret } from "../../lib/server/webhooks/signature";

export interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

type Answer = { status: number; headers?: Record<string, string> };

/**
 * A real HTTP receiver on 127.0.0.1; `answer` decides each response from the request number
 * (0-based), sent after `delayMs` (a slow receiver keeps a send in flight across polls).
 */
export async function startReceiver(answer: (n: number) => Answer = () => ({ status: 200 }), delayMs = 0) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const a = answer(received.length);
      received.push({ at: Date.now(), headers: req.headers, body });
      setTimeout(() => res.writeHead(a.status, a.headers).end("ok"), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    port,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A site with one endpoint at `url`. */
export async function createTestWebhook(sql: Sql, url: string, siteId?: string) {
  const id = Math.random().toString(36).slice(2, 10);
  const site =
    siteId ??
    (
      await sql<
        { id: string }[]
      >`insert into sites (slug, name) values (${`wh-${id}`}, ${`Webhook site ${id}`}) returning id`
    )[0]!.id;
  const secret = generateWebhookSecret();
  const [row] = await sql<
    { id: string }[]
  >`insert into webhooks (site_id, name, url, secret) values (${site}, 'test hook', ${url}, ${secret}) returning id`;
  return { id: row!.id, siteId: site, secret };
}

/** A pending delivery for `webhookId`; its id and message id. */
export async function createTestDelivery(sql: Sql, webhookId: string, eventType = "alert.firing") {
  const [row] = await sql<{ id: string; message_id: string }[]>`
    insert into webhook_deliveries (webhook_id, message_id, event_type, payload)
    values (${webhookId}, ${`msg_${Math.random().toString(36).slice(2)}`}, ${eventType}, ${sql.json({ type: eventType, data: { n: 1 } })})
    returning id, message_id`;
  return { id: row!.id, messageId: row!.message_id };
}
