import { describe, expect, it } from "vitest";
import { ApiError } from "../http/errors";
import { parseSignInForm, signInAccount } from "./sign-in-form";

const FORM = "application/x-www-form-urlencoded";
const refusal = (contentType: string | null, body: string) => {
  try {
    parseSignInForm(contentType, body);
    return null;
  } catch (e) {
    return e instanceof ApiError ? e.status : e;
  }
};

describe("the sign-in form", () => {
  it("takes what next-auth's signIn() sends", () => {
    const body = "email=a%40x.com&password=pw&csrfToken=t&callbackUrl=%2F&json=true&redirect=false";
    expect(parseSignInForm(FORM, body).get("email")).toBe("a@x.com");
  });

  it("refuses a field sent twice, so the throttle and the password check see one account", () => {
    expect(refusal(FORM, "email=decoy%40x.com&email=victim%40x.com&password=pw")).toBe(400);
    expect(refusal(FORM, "email=a%40x.com&password=1&password=2")).toBe(400);
  });

  it("refuses fields next-auth would pass on to the provider, and bodies that aren't a form", () => {
    expect(refusal(FORM, "email=a%40x.com&password=pw&username=b")).toBe(400);
    expect(refusal("application/json", '{"email":"a@x.com"}')).toBe(415);
    expect(refusal(null, "email=a")).toBe(415);
  });

  it("counts an account the way the credentials provider looks it up", () => {
    expect(signInAccount("  Victim@Example.COM ")).toBe("victim@example.com");
    expect(signInAccount(null)).toBe("");
  });
});
