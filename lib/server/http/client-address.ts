import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/**
 * Where the web server (scripts/web-server.ts) writes the caller's address for the routes to
 * read. It overwrites whatever a client sent under this name, so unlike X-Forwarded-For (which
 * Next.js passes on as the client wrote it) the routes can trust it.
 */
export const CLIENT_ADDRESS_HEADER = "x-fieldwatch-client-address";

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY: unset trusts no proxy (the socket's peer is the client); a number trusts that many
 * hops in front of the app; otherwise a comma-separated list of addresses and CIDRs (or
 * proxy-addr's names `loopback`, `linklocal`, `uniquelocal`) whose X-Forwarded-For entries count.
 * Throws on an entry that is neither.
 */
export function trustProxy(setting: string | undefined): TrustProxy {
  const value = setting?.trim();
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(value.split(",").map((s) => s.trim()));
}

/** The client: the socket's peer, or — through trusted proxies only — the hop the nearest untrusted one appended. */
export function clientAddressOf(req: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(req, trust);
}
