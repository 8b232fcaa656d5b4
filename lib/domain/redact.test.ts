import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it.each([
    ["POST /api/mqtt/auth?secret=s3cr3t-0123456789 200", "POST /api/mqtt/auth?secret=[redacted] 200"],
    ['{"url":"/api/mqtt/acl?x=1&secret=abc&y=2"}', '{"url":"/api/mqtt/acl?x=1&secret=[redacted]&y=2"}'],
    ["GET /x?SECRET=abc#frag", "GET /x?SECRET=[redacted]#frag"],
    ["/login?password=pw&token=t", "/login?password=[redacted]&token=[redacted]"],
    ["postgres://fieldwatch:pa55@db:5432/x", "postgres://fieldwatch:[redacted]@db:5432/x"],
    ["mqtt://svc:p%40ss@broker:1883 down", "mqtt://svc:[redacted]@broker:1883 down"],
  ])("%s", (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
  });

  it("leaves lines without secrets alone", () => {
    for (const line of ["GET /api/devices?site=farm&page=2 200", "mqtt://127.0.0.1:1883", "a: b, c=d"])
      expect(redactSecrets(line)).toBe(line);
  });
});
