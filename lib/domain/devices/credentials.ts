import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Device tokens (MQTT passwords) start with this, so a leaked one is recognisable. */
export const DEVICE_TOKEN_PREFIX = "fwd_";

/** A new device token, shown once, and the hash that is stored. */
export function generateDeviceToken(): { token: string; hash: string } {
  const token = DEVICE_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashDeviceToken(token) };
}

/** 256 random bits: a fast hash is enough, there is no dictionary to guess from. */
export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Does `token` hash to `storedHash`? Compared in constant time. */
export function deviceTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashDeviceToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * The demo fleet's tokens, derived from the installation's secret: the simulator can compute
 * them without anything stored in plain text, and they differ between installations.
 */
export function demoDeviceToken(secret: string, key: string): string {
  return DEVICE_TOKEN_PREFIX + createHmac("sha256", secret).update(`demo-device:${key}`).digest("base64url");
}
