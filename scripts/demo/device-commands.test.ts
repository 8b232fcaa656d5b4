import { describe, expect, it } from "vitest";
import { answerCommand, controlledValue } from "./device-commands";
import { createRng, demoDevices } from "./fleet";
import { telemetryMessages } from "./payloads";

const [farm, building] = demoDevices(2) as [
  ReturnType<typeof demoDevices>[number],
  ReturnType<typeof demoDevices>[number],
];
const id = "0b7c6f1e-2a4d-4c3b-9e8f-1a2b3c4d5e6f";
const send = (device: typeof farm, command: object, controls = {}) =>
  answerCommand(device, JSON.stringify({ id, ...command }), controls);

describe("demo device commands", () => {
  it("opens and closes a farm device's valve, answering with the id", () => {
    expect(send(farm, { action: "open_valve" })).toEqual({
      controls: { valve: "open" },
      answer: { id, ok: true, valve: "open" },
    });
    expect(send(farm, { action: "close_valve" }, { valve: "open" })).toEqual({
      controls: { valve: "closed" },
      answer: { id, ok: true, valve: "closed" },
    });
  });

  it("answers ping everywhere, and unknown commands with an error", () => {
    expect(send(building, { action: "ping" })?.answer).toEqual({ id, ok: true, pong: true });
    expect(send(building, { action: "open_valve" })).toEqual({
      controls: {},
      answer: { id, ok: false, error: "unknown command" },
    });
    expect(send(farm, { valve: "open" })?.answer).toEqual({ id, ok: false, error: "unknown command" });
  });

  it("does not answer what carries no id to answer to", () => {
    expect(answerCommand(farm, "not json", {})).toBeNull();
    expect(answerCommand(farm, JSON.stringify({ action: "ping" }), {})).toBeNull();
  });

  it("reports the commanded valve in its telemetry, whatever the schedule says", () => {
    const at = Date.UTC(2025, 5, 2, 12);
    const values = (controls: object) =>
      JSON.parse(telemetryMessages(farm, at, createRng(1), controls)[0]!.payload) as {
        valve: number;
        flow: number;
      };
    expect(values({ valve: "open" })).toMatchObject({ valve: 1, flow: expect.any(Number) });
    expect(values({ valve: "open" }).flow).toBeGreaterThan(5);
    expect(values({ valve: "closed" })).toMatchObject({ valve: 0, flow: 0 });
    expect(controlledValue("soil.moisture", farm, at, { valve: "open" })).toBeUndefined();
    expect(controlledValue("valve", farm, at, {})).toBeUndefined();
  });
});
