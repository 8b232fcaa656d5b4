import { isIP } from "node:net";

/**
 * Is `ip` an address a webhook must not reach from our network: private, loopback, link-local,
 * carrier-grade NAT, multicast, reserved or unspecified? IPv4-mapped and NAT64 IPv6 forms are
 * judged by the IPv4 address inside (`::ffff:127.0.0.1` is loopback).
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return isPrivateV4(ip.split(".").map(Number) as V4);
  if (family === 6) return isPrivateV6(expandV6(ip));
  return true; // not an address at all: refuse rather than guess
}

type V4 = [number, number, number, number];

// [first octets, prefix length] of every non-public IPv4 block (RFC 6890).
const V4_BLOCKS: [V4, number][] = [
  [[0, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10],
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4],
  [[240, 0, 0, 0], 4],
];

const v4Number = (o: V4) => ((o[0] << 24) >>> 0) + (o[1] << 16) + (o[2] << 8) + o[3];

function isPrivateV4(octets: V4): boolean {
  const n = v4Number(octets);
  return V4_BLOCKS.some(([base, bits]) => n >>> (32 - bits) === v4Number(base) >>> (32 - bits));
}

/** Eight 16-bit groups; a trailing dotted IPv4 part becomes the last two. */
function expandV6(ip: string): number[] {
  let text = ip.toLowerCase().split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const o = dotted[1]!.split(".").map(Number);
    text =
      text.slice(0, -dotted[1]!.length) +
      `${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = parse(tail);
  return tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

function isPrivateV6(g: number[]): boolean {
  const embeddedV4 = (): V4 => [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255];
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(7) && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  if (zeroUpTo(5) && g[5] === 0xffff) return isPrivateV4(embeddedV4()); // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeroUpTo(0) && g.slice(2, 6).every((x) => x === 0))
    return isPrivateV4(embeddedV4()); // NAT64
  if (zeroUpTo(6)) return true; // deprecated IPv4-compatible ::a.b.c.d
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 old site-local
    (first & 0xff00) === 0xff00 || // multicast
    (first === 0x2001 && g[1] === 0x0db8) || // documentation
    (first === 0x0100 && zeroUpTo(0) && g.slice(1, 4).every((x) => x === 0))
  ); // 100::/64 discard
}
