import { expect, test } from "@playwright/test";
import { worldForSpec } from "./support/world";

const spec = worldForSpec();

// What makes nginx, Caddy and other proxies pass live events on as they come instead of
// buffering them (deploy/nginx.conf relies on it).
test("the live stream tells proxies not to buffer or transform it", async ({ baseURL }) => {
  const controller = new AbortController();
  const res = await fetch(`${baseURL}/api/stream?devices=${spec.world.farm.deviceKey}`, {
    headers: { authorization: `Bearer ${spec.world.people.viewer.token}` },
    signal: controller.signal,
  });
  controller.abort();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/event-stream");
  expect(res.headers.get("x-accel-buffering")).toBe("no");
  expect(res.headers.get("cache-control")).toContain("no-transform");
  expect(res.headers.get("cache-control")).toContain("no-cache");
});
