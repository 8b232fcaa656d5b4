import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { generateWebhookSecret, signedHeaders } from "./signature";

describe("webhook signatures", () => {
  it("makes whsec_ secrets of 32 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("signs id.timestamp.body with HMAC-SHA256 under the decoded key, as the library verifies", () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: "webhook.test", data: { n: 1 } });
    const headers = signedHeaders(secret, "msg_abc", body);
    const key = Buffer.from(secret.slice(6), "base64");
    const expected = createHmac("sha256", key)
      .update(`msg_abc.${headers["webhook-timestamp"]}.${body}`)
      .digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ type: "webhook.test", data: { n: 1 } });
    expect(() => new Webhook(secret).verify(body + " ", headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });
});
