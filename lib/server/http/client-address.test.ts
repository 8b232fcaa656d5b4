import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddressOf, trustProxy } from "./client-address";

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe("the client's address", () => {
  it("is the socket's peer unless a proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(request("203.0.113.9", "198.51.100.1"), trustProxy(undefined))).toBe(
      "203.0.113.9",
    );
    expect(clientAddressOf(request("203.0.113.9", "198.51.100.1"), trustProxy(""))).toBe("203.0.113.9");
  });

  it("is the hop the trusted proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy (127.0.0.1) appended the real peer.
    const req = request("127.0.0.1", "1.1.1.1, 203.0.113.9");
    expect(clientAddressOf(req, trustProxy("1"))).toBe("203.0.113.9");
    expect(clientAddressOf(req, trustProxy("loopback"))).toBe("203.0.113.9");
    expect(clientAddressOf(req, trustProxy("127.0.0.0/8, 10.0.0.0/8"))).toBe("203.0.113.9");
    expect(clientAddressOf(request("192.0.2.7", "1.1.1.1"), trustProxy("127.0.0.1"))).toBe("192.0.2.7");
  });

  it("refuses a setting that is neither a hop count nor addresses", () => {
    expect(() => trustProxy("proxy.example.com")).toThrow();
  });
});
