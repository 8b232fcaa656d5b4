export * from "./accounts";
export * from "./devices";
export * from "./telemetry";
