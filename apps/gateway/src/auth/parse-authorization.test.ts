import { describe, expect, it } from "vitest";
import { parseAuthorization } from "./parse-authorization.js";

const basic = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;

describe("parseAuthorization", () => {
  it("reads e-mail and API key, the key may contain colons", () => {
    expect(parseAuthorization(basic("ops@example.com:a:b"))).toEqual({
      email: "ops@example.com",
      apiKey: "a:b",
    });
    expect(parseAuthorization(`basic  ${Buffer.from("x@y.z:k").toString("base64")}`)).toEqual({
      email: "x@y.z",
      apiKey: "k",
    });
  });

  it.each([
    [undefined, "No credentials"],
    ["", "No credentials"],
    ["Bearer abc", "not HTTP Basic"],
    [basic("no-colon"), "lack an e-mail or an API key"],
    [basic(":key-only"), "lack an e-mail or an API key"],
    [basic("mail@example.com:"), "lack an e-mail or an API key"],
  ])("refuses %s with UNAUTHENTICATED, never echoing it", (header, words) => {
    try {
      parseAuthorization(header);
      throw new Error("expected a refusal");
    } catch (error) {
      expect((error as { code?: string }).code).toBe("UNAUTHENTICATED");
      expect((error as Error).message).toContain(words);
      if (header) expect((error as Error).message).not.toContain(header.slice(6));
    }
  });
});
