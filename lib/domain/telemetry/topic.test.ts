import { describe, expect, it } from "vitest";
import { parseTopic } from "./topic";

describe("parseTopic", () => {
  it("reads the topics of the MQTT contract", () => {
    expect(parseTopic("devices/farm-01/telemetry")).toEqual({ kind: "telemetry", deviceKey: "farm-01" });
    expect(parseTopic("devices/farm-01/telemetry/soil.moisture")).toEqual({
      kind: "telemetry",
      deviceKey: "farm-01",
      metric: "soil.moisture",
    });
    expect(parseTopic("devices/farm-01/status")).toEqual({ kind: "status", deviceKey: "farm-01" });
    expect(parseTopic("devices/farm-01/commands/ack")).toEqual({ kind: "command_ack", deviceKey: "farm-01" });
  });

  it("reads only a device's own command answers as such", () => {
    // The app's commands to the device are not for ingest; nor is anything under the ack topic.
    expect(parseTopic("devices/farm-01/commands")).toMatchObject({ kind: "invalid", deviceKey: "farm-01" });
    expect(parseTopic("devices/farm-01/commands/ack/x")).toMatchObject({
      kind: "invalid",
      deviceKey: "farm-01",
    });
    expect(parseTopic("devices/farm-01/commands/nack").kind).toBe("invalid");
    expect(parseTopic("devices/Farm/commands/ack").kind).toBe("invalid");
    expect(parseTopic("devices/farm-01/telemetry/ack")).toEqual({
      kind: "telemetry",
      deviceKey: "farm-01",
      metric: "ack",
    });
  });

  it("refuses bad keys and unknown topics", () => {
    expect(parseTopic("devices/Farm/telemetry").kind).toBe("invalid");
    expect(parseTopic("devices/-x/telemetry").kind).toBe("invalid");
    expect(parseTopic("devices/a/commands")).toMatchObject({ kind: "invalid", deviceKey: "a" });
    expect(parseTopic("devices/a/telemetry/x/y").kind).toBe("invalid");
    expect(parseTopic("other/a/telemetry").kind).toBe("invalid");
  });
});
