import type { NextRequest } from "next/server";
import { mqttConnectionInfo, type MqttConnectionInfo } from "../../domain/devices/connection-info";
import { loadEnv } from "../env";

/** What a device needs to connect, as the API shows it once: with provisioning and with a new token. */
export interface DeviceCredentialsView {
  username: string;
  password: string;
  clientId: string;
  broker: MqttConnectionInfo;
  topics: { telemetry: string; status: string; commands: string; commandAcks: string };
}

export function deviceCredentials(req: NextRequest, key: string, token: string): DeviceCredentialsView {
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const broker = mqttConnectionInfo(loadEnv(), host);
  return {
    username: key,
    password: token,
    clientId: key,
    broker,
    topics: {
      telemetry: `devices/${key}/telemetry`,
      status: `devices/${key}/status`,
      commands: `devices/${key}/commands`,
      commandAcks: `devices/${key}/commands/ack`,
    },
  };
}
