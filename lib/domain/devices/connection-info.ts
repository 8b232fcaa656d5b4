/** Where devices connect, as shown with their credentials (host, port, a ready URL). */
export interface MqttConnectionInfo {
  host: string;
  port: number;
  url: string;
}

/**
 * MQTT_PUBLIC_URL when set (the address devices reach, which may differ from the one the
 * services use); else the host people reach the web app on, and the broker's port.
 */
export function mqttConnectionInfo(
  env: { MQTT_PUBLIC_URL?: string; MQTT_URL?: string; MQTT_PORT: number },
  requestHost: string | null,
): MqttConnectionInfo {
  const url = new URL(env.MQTT_PUBLIC_URL ?? env.MQTT_URL ?? `mqtt://localhost:${env.MQTT_PORT}`);
  const port = Number(url.port || (url.protocol === "mqtts:" ? 8883 : 1883));
  const brokerHostIsLocal = ["127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0"].includes(url.hostname);
  const webHost = requestHost?.replace(/:\d+$/, "") ?? null;
  const host = !env.MQTT_PUBLIC_URL && brokerHostIsLocal && webHost ? webHost : url.hostname;
  return { host, port, url: `${url.protocol}//${host}:${port}` };
}
