import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
  it("answers from memory within the TTL, asks again after it, and never remembers a failure", async () => {
    let now = 0;
    let loads = 0;
    let fail = false;
    const cache = new TtlCache(
      1000,
      async (key) => {
        loads++;
        if (fail) throw new Error("down");
        return `${key}:${loads}`;
      },
      10,
      () => now,
    );
    expect(await cache.get("a")).toBe("a:1");
    now = 999;
    expect(await cache.get("a")).toBe("a:1");
    now = 1000;
    fail = true;
    await expect(cache.get("a")).rejects.toThrow("down");
    fail = false;
    expect(await cache.get("a")).toBe("a:3");
  });

  it("shares one load between concurrent asks and stays within its size", async () => {
    let loads = 0;
    const cache = new TtlCache(1000, async (key) => `${key}:${++loads}`, 2);
    expect(await Promise.all([cache.get("a"), cache.get("a")])).toEqual(["a:1", "a:1"]);
    await cache.get("b");
    await cache.get("c"); // evicts a, the oldest
    expect(await cache.get("a")).toBe("a:4");
  });
});
