import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks asks for 24 to 64). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * The three Standard Webhooks headers for one attempt. The signature is
 * `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the secret's decoded key.
 */
export function signedHeaders(
  secret: string,
  messageId: string,
  body: string,
  at = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(timestamp),
    // The library takes the seconds of `at`; pass the floored time so header and signature agree.
    "webhook-signature": new Webhook(secret).sign(messageId, new Date(timestamp * 1000), body),
  };
}
