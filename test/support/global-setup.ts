import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startTestServices } from "./services";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    mqttUrl: string;
    mqttProtocolVersion: 4 | 5;
  }
}

/** Integration tests run against a real PostgreSQL and a real MQTT broker (docs/operations.md, "Tests"). */
export default async function setup(project: TestProject) {
  const services = await startTestServices();
  project.provide("databaseUrl", services.databaseUrl);
  project.provide("mqttUrl", services.mqttUrl);
  project.provide("mqttProtocolVersion", services.mqttProtocolVersion);
  return () => services.stop();
}
