import { describe, expect, it } from "vitest";
import { isUuid } from "./ids";

describe("isUuid", () => {
  it("accepts the 8-4-4-4-12 form in either case", () => {
    expect(isUuid("3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b")).toBe(true);
    expect(isUuid("3F2B8C1E-9D4A-4E6B-8F0A-1C2D3E4F5A6B")).toBe(true);
  });
  it("refuses anything else a path or a body may carry", () => {
    for (const s of [
      "",
      "not-a-uuid",
      "3f2b8c1e9d4a4e6b8f0a1c2d3e4f5a6b",
      "-".repeat(36),
      " 3f2b8c1e-9d4a-4e6b-8f0a-1c2d3e4f5a6b",
    ])
      expect(isUuid(s)).toBe(false);
  });
});
