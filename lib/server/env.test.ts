import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.MQTT_PORT).toBe(1883);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the bad variable and its value", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: .*\(got "eighty"\)/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });

  it("never repeats the value of a secret or a URL, whatever is wrong with it", () => {
    const marker = "hunter2-Secret-Marker";
    const bad: Record<string, string> = {
      DATABASE_URL: `mysql://fieldwatch:${marker}@db:3306/x`,
      MQTT_URL: `http://svc:${marker}@broker`,
      MQTT_PUBLIC_URL: `not a url ${marker}`,
      NEXTAUTH_URL: `${marker}`,
      NEXTAUTH_SECRET: marker,
      MQTT_AUTH_SECRET: marker.slice(0, 10),
      ADMIN_PASSWORD: marker.slice(0, 10),
    };
    for (const [name, value] of Object.entries(bad)) {
      const error = (() => {
        try {
          parseEnv({ [name]: value });
        } catch (err) {
          return err as ConfigError;
        }
      })();
      expect(error, name).toBeInstanceOf(ConfigError);
      expect(error!.message).toContain(name);
      expect(error!.message).not.toContain(value);
      expect(error!.message).not.toContain(marker.slice(0, 10));
    }
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });
});
