import { describe, expect, it } from "vitest";
import { parseTopic } from "./topic";

describe("parseTopic", () => {
  it("reads the topics of the MQTT contract", () => {
    expect(parseTopic("devices/farm-01/telemetry")).toEqual({ kind: "telemetry", deviceKey: "farm-01" });
    expect(parseTopic("devices/farm-01/telemetry/soil.moisture")).toEqual({ kind: "telemetry", deviceKey: "farm-01", metric: "soil.moisture" });
    expect(parseTopic("devices/farm-01/status")).toEqual({ kind: "status", deviceKey: "farm-01" });
  });

  it("refuses bad keys and unknown topics", () => {
    expect(parseTopic("devices/Farm/telemetry").kind).toBe("invalid");
    expect(parseTopic("devices/-x/telemetry").kind).toBe("invalid");
    expect(parseTopic("devices/a/commands")).toMatchObject({ kind: "invalid", deviceKey: "a" });
    expect(parseTopic("devices/a/telemetry/x/y").kind).toBe("invalid");
    expect(parseTopic("other/a/telemetry").kind).toBe("invalid");
  });
});
