import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { urlProblem } from "../../domain/webhooks/input";
import { isPrivateAddress } from "./address";

export interface ResolvedTarget {
  url: URL;
  /** The address we connect to: checked once, then used for the connection (no DNS rebinding in between). */
  address: string;
  family: 4 | 6;
}

export class TargetRefused extends Error {
  name = "TargetRefused";
}

/**
 * Resolves the URL's host and refuses it when any of its addresses is private, loopback or
 * link-local (unless `allowPrivate`): a webhook must not become a way into our own network.
 */
export async function resolveTarget(text: string, allowPrivate: boolean): Promise<ResolvedTarget> {
  const problem = urlProblem(text);
  if (problem) throw new TargetRefused(`the URL ${problem}`);
  const url = new URL(text);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookupAll(host);
  const first = addresses[0];
  if (!first) throw new TargetRefused(`${host} does not resolve`);
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad && !allowPrivate)
    throw new TargetRefused(
      `${host} resolves to ${bad.address}, a private or local address (set WEBHOOK_ALLOW_PRIVATE=true to allow)`,
    );
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function lookupAll(host: string) {
  try {
    return await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    throw new TargetRefused(
      `${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? "lookup failed"})`,
    );
  }
}
