import type { MqttAction } from "./decide";

/**
 * What external brokers send to /api/mqtt/auth and /api/mqtt/acl. EMQX 5 posts the JSON body
 * it is configured with (README); mosquitto-go-auth's http backend posts JSON or a form with
 * username/password/clientid, and for ACLs topic and `acc`. Anything else is malformed: null.
 */
export type Fields = Record<string, unknown>;

/** A body as a flat object: JSON (an object) or a urlencoded form; null when it is neither. */
export function parseFields(contentType: string | null, text: string): Fields | null {
  const type = (contentType ?? "").toLowerCase();
  const looksJson = type.includes("json") || (!type.includes("form") && text.trimStart().startsWith("{"));
  if (looksJson) {
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : null;
    } catch {
      return null;
    }
  }
  if (type.includes("application/x-www-form-urlencoded") || type === "")
    return Object.fromEntries(new URLSearchParams(text));
  return null;
}

export interface AuthRequest {
  username: string;
  password: string;
  clientId: string;
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

export function parseAuthRequest(fields: Fields): AuthRequest | null {
  const username = text(fields.username);
  const password = text(fields.password);
  const clientId = text(fields.clientid) ?? text(fields.client_id) ?? "";
  if (!username || password === undefined) return null;
  return { username, password, clientId };
}

export interface AclRequest {
  username: string;
  clientId: string;
  topic: string;
  /** Every one must be allowed (mosquitto's readwrite is both). */
  actions: MqttAction[];
  /** Which broker asked, for the shape of the answer. */
  dialect: BrokerDialect;
}

/** EMQX reads `{"result"}` from a 200; mosquitto-go-auth (status mode, its default) only the status code. */
export type BrokerDialect = "emqx" | "status";

// mosquitto ACL access: 1 read (a message delivered to the client), 2 write, 3 both, 4 subscribe.
const MOSQUITTO_ACCESS: Record<number, MqttAction[]> = {
  1: ["subscribe"],
  2: ["publish"],
  3: ["publish", "subscribe"],
  4: ["subscribe"],
};

export function parseAclRequest(fields: Fields): AclRequest | null {
  const username = text(fields.username);
  const topic = text(fields.topic);
  const clientId = text(fields.clientid) ?? text(fields.client_id) ?? "";
  if (!username || !topic) return null;
  if (fields.action !== undefined) {
    // EMQX: ${action} is publish or subscribe.
    const action = fields.action === "publish" || fields.action === "subscribe" ? fields.action : undefined;
    return action ? { username, clientId, topic, actions: [action], dialect: "emqx" } : null;
  }
  const acc =
    typeof fields.acc === "number"
      ? fields.acc
      : text(fields.acc) !== undefined && /^\d$/.test(text(fields.acc)!)
        ? Number(fields.acc)
        : undefined;
  const actions = acc === undefined ? undefined : MOSQUITTO_ACCESS[acc];
  return actions ? { username, clientId, topic, actions, dialect: "status" } : null;
}

/** The auth request's dialect: EMQX when its body says so (`"broker": "emqx"` in the README's config); status codes otherwise, which EMQX also reads as "no". */
export const authDialect = (fields: Fields): BrokerDialect => (fields.broker === "emqx" ? "emqx" : "status");
