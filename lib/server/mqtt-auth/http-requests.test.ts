import { describe, expect, it } from "vitest";
import { authDialect, parseAclRequest, parseAuthRequest, parseFields } from "./http-requests";

describe("parseFields", () => {
  it("reads JSON objects and urlencoded forms", () => {
    expect(parseFields("application/json", '{"username":"a","password":"b"}')).toEqual({
      username: "a",
      password: "b",
    });
    expect(parseFields("application/x-www-form-urlencoded", "username=a&password=b%26c&clientid=x")).toEqual({
      username: "a",
      password: "b&c",
      clientid: "x",
    });
    expect(parseFields(null, '{"username":"a"}')).toEqual({ username: "a" });
    expect(parseFields(null, "username=a")).toEqual({ username: "a" });
  });

  it("gives null for what is neither", () => {
    expect(parseFields("application/json", "{not json")).toBeNull();
    expect(parseFields("application/json", '["a"]')).toBeNull();
    expect(parseFields("application/json", "null")).toBeNull();
    expect(parseFields("text/xml", "<a/>")).toBeNull();
  });
});

describe("parseAuthRequest", () => {
  it("takes username, password and client id as EMQX and mosquitto-go-auth send them", () => {
    expect(
      parseAuthRequest({ username: "dev-a", password: "fwd_x", clientid: "c1", broker: "emqx" }),
    ).toEqual({ username: "dev-a", password: "fwd_x", clientId: "c1" });
    expect(parseAuthRequest({ username: "dev-a", password: "fwd_x", client_id: "c2" })).toEqual({
      username: "dev-a",
      password: "fwd_x",
      clientId: "c2",
    });
  });

  it.each([
    [{}],
    [{ username: "dev-a" }],
    [{ password: "x" }],
    [{ username: "", password: "x" }],
    [{ username: 5, password: "x" }],
    [{ username: "a", password: ["x"] }],
  ])("refuses %j", (fields) => expect(parseAuthRequest(fields)).toBeNull());

  it("tells EMQX (marked in its configured body) from status-code brokers", () => {
    expect(authDialect({ broker: "emqx" })).toBe("emqx");
    expect(authDialect({ username: "a" })).toBe("status");
  });
});

describe("parseAclRequest", () => {
  const base = { username: "dev-a", clientid: "c1", topic: "devices/dev-a/telemetry" };
  it("reads EMQX's action", () => {
    expect(parseAclRequest({ ...base, action: "publish" })).toEqual({
      username: "dev-a",
      clientId: "c1",
      topic: base.topic,
      actions: ["publish"],
      dialect: "emqx",
    });
    expect(parseAclRequest({ ...base, action: "subscribe" })?.actions).toEqual(["subscribe"]);
  });

  it("reads mosquitto's acc, as a number (JSON) or a string (form)", () => {
    expect(parseAclRequest({ ...base, acc: 1 })?.actions).toEqual(["subscribe"]);
    expect(parseAclRequest({ ...base, acc: 2 })).toMatchObject({ actions: ["publish"], dialect: "status" });
    expect(parseAclRequest({ ...base, acc: "3" })?.actions).toEqual(["publish", "subscribe"]);
    expect(parseAclRequest({ ...base, acc: "4" })?.actions).toEqual(["subscribe"]);
  });

  it.each([
    [{ ...base }],
    [{ ...base, action: "all" }],
    [{ ...base, action: "PUBLISH" }],
    [{ ...base, acc: 0 }],
    [{ ...base, acc: 5 }],
    [{ ...base, acc: "2x" }],
    [{ ...base, acc: 2, topic: "" }],
    [{ ...base, acc: 2, username: undefined }],
  ])("refuses %j", (fields) => expect(parseAclRequest(fields)).toBeNull());
});
