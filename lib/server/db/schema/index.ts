export * from "./accounts";
export * from "./devices";
export * from "./telemetry";
export * from "./security";
export * from "./alerts";
export * from "./webhooks";
