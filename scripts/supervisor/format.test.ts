import { describe, expect, it } from "vitest";
import { formatLogLine } from "./format";

describe("formatLogLine", () => {
  it("relays a child's line without the broker secret of a URL, JSON or not", () => {
    const plain = formatLogLine("web", " POST /api/mqtt/auth?secret=broker-secret-0123456789 200 in 4ms");
    const json = formatLogLine(
      "web",
      JSON.stringify({ level: 50, msg: "failed", url: "/api/mqtt/acl?secret=broker-secret-0123456789" }),
    );
    for (const line of [plain, json]) {
      expect(line).not.toContain("broker-secret-0123456789");
      expect(line).toContain("secret=[redacted]");
    }
    expect(json).toMatch(/^\[web\]\s+ERROR failed/);
  });
});
