import { describe, expect, it } from "vitest";
import { createLogger } from "./log";

describe("createLogger", () => {
  it("writes no secret carried in a URL, in a field or in the message", () => {
    const lines: string[] = [];
    const log = createLogger("test", "info", { write: (line: string) => lines.push(line) });
    log.warn({ url: "/api/mqtt/auth?secret=broker-secret-0123456789" }, "denied");
    log.error("could not reach postgres://fieldwatch:db-password@db:5432/fieldwatch");
    const out = lines.join("");
    expect(out).not.toContain("broker-secret-0123456789");
    expect(out).not.toContain("db-password");
    expect(out).toContain("secret=[redacted]");
    expect(lines).toHaveLength(2);
  });
});
