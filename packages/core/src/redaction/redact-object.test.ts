import { describe, expect, it } from "vitest";
import { redactObject } from "./redact-object.js";
import { REDACTION_MARKER } from "./redaction-marker.js";

const R = REDACTION_MARKER;

describe("redactObject", () => {
  it("masks values of secret-named keys whatever their type and keeps the rest", () => {
    const input = {
      user: "bob",
      password: "hunter2",
      apiKey: 12345,
      Authorization: "Bearer abc",
      verified: false,
      token: null,
      nested: { client_secret: "cs", list: [{ refresh_token: "rt", id: 1 }] },
    };
    expect(redactObject(input)).toEqual({
      user: "bob",
      password: R,
      apiKey: R,
      Authorization: R,
      verified: false,
      token: null,
      nested: { client_secret: R, list: [{ refresh_token: R, id: 1 }] },
    });
  });

  it("masks every scalar under a secret-named container and keeps its shape", () => {
    expect(redactObject({ secret: { value: "x", parts: ["a", 2, true] } })).toEqual({
      secret: { value: R, parts: [R, R, true] },
    });
  });

  it("redacts secrets inside ordinary strings", () => {
    expect(redactObject({ message: 'Body: {"password":"p"}', urls: ["https://u:p@h/x"] })).toEqual({
      message: `Body: {"password":"${R}"}`,
      urls: [`https://u:${R}@h/x`],
    });
  });

  it("does not change its input and survives cycles", () => {
    const input: Record<string, unknown> = { password: "p", list: [1] };
    input.self = input;
    const output = redactObject(input) as Record<string, unknown>;
    expect(input.password).toBe("p");
    expect(output.self).toBe("[Circular]");
    expect(output.list).not.toBe(input.list);
  });

  it("returns dates and class instances as they are", () => {
    const when = new Date(0);
    const map = new Map([["password", "p"]]);
    expect(redactObject({ when, map })).toEqual({ when, map });
  });
});
