import { readBodyText } from "../http/body";
import { errorResponse } from "../http/errors";
import type { MqttAuthenticator } from "./authenticator";
import { mayAct, secretsEqual } from "./decide";
import {
  authDialect,
  parseAclRequest,
  parseAuthRequest,
  parseFields,
  type BrokerDialect,
} from "./http-requests";

/**
 * The HTTP side of broker authentication, for EMQX's HTTP authn/authz and mosquitto-go-auth's
 * http backend. Plain Request → Response, so it runs under vitest without Next.js around it.
 */
export interface MqttHttpDeps {
  /** MQTT_AUTH_SECRET; unset: the endpoints are off (503). */
  secret: string | undefined;
  authenticator: () => MqttAuthenticator;
}

/**
 * Allow is a 200 with `{"result":"allow","ok":true}` (EMQX reads `result`, mosquitto-go-auth's
 * json mode `ok`, its status mode the 200). Deny is a 403 — the one answer every mode reads as
 * "no" — except to EMQX, which is told `{"result":"deny"}` with a 200 as its docs ask.
 */
function verdict(allow: boolean, dialect: BrokerDialect, reason = "denied"): Response {
  if (allow) return Response.json({ result: "allow", is_superuser: false, ok: true });
  if (dialect === "emqx") return Response.json({ result: "deny", ok: false });
  return Response.json(
    { result: "deny", ok: false, error: { code: "denied", message: reason } },
    { status: 403 },
  );
}

/** The shared secret as a bearer token, `X-Fieldwatch-Secret`, or `?secret=` (mosquitto-go-auth can't send headers). */
function presentedSecret(req: Request): string | undefined {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  return (
    bearer ??
    req.headers.get("x-fieldwatch-secret") ??
    new URL(req.url).searchParams.get("secret") ??
    undefined
  );
}

const MAX_BODY_BYTES = 16_384;

async function guard(req: Request, deps: MqttHttpDeps): Promise<Response | Record<string, unknown>> {
  if (!deps.secret)
    return errorResponse(
      503,
      "not_configured",
      "MQTT_AUTH_SECRET is not set: broker authentication over HTTP is off.",
    );
  const given = presentedSecret(req);
  if (given === undefined || !secretsEqual(given, deps.secret))
    return errorResponse(401, "unauthorized", "Wrong or missing broker secret.");
  // A broker's question is a few hundred bytes; anything big is not one (and is not read whole).
  const body = await readBodyText(req, MAX_BODY_BYTES).catch(() => null);
  const fields = body === null ? null : parseFields(req.headers.get("content-type"), body);
  return fields ?? verdict(false, "status", "malformed request");
}

export async function handleMqttAuthRequest(req: Request, deps: MqttHttpDeps): Promise<Response> {
  const fields = await guard(req, deps);
  if (fields instanceof Response) return fields;
  const dialect = authDialect(fields);
  const request = parseAuthRequest(fields);
  if (!request) return verdict(false, dialect, "malformed request");
  const result = await deps.authenticator().authenticate(request);
  return verdict(result.allow, dialect, result.allow ? undefined : result.reason);
}

export async function handleMqttAclRequest(req: Request, deps: MqttHttpDeps): Promise<Response> {
  const fields = await guard(req, deps);
  if (fields instanceof Response) return fields;
  const request = parseAclRequest(fields);
  if (!request) return verdict(false, fields.action !== undefined ? "emqx" : "status", "malformed request");
  // The broker authenticated this username already; a device must still be in service.
  const identity = await deps.authenticator().identityOf(request.username);
  const allowed =
    identity !== null && request.actions.every((action) => mayAct(identity, action, request.topic));
  return verdict(allowed, request.dialect, identity ? "topic not allowed" : "unknown or disabled client");
}
