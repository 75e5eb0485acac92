import fc from "fast-check";
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

describe("redactObject properties", () => {
  const plainKey = fc.constantFrom("id", "name", "status", "items", "count", "message", "createdAt");
  const secretKey = fc.constantFrom(
    "password",
    "apiKey",
    "client_secret",
    "Authorization",
    "refresh_token",
    "pwd",
  );
  const plainValue = fc.oneof(
    fc.constantFrom("bob", "order 12", "ECONNREFUSED", "585918da586224001b96de89"),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const plainTree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      plainValue,
      fc.array(tie("node"), { maxLength: 3 }),
      fc.dictionary(plainKey, tie("node"), { maxKeys: 3 }),
    ),
  })).node;

  it("leaves values without secrets deep-equal", () => {
    fc.assert(
      fc.property(plainTree, (value) => {
        expect(redactObject(value)).toEqual(value);
      }),
    );
  });

  it("never lets a value under a secret-named key through, at any depth", () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/);
    fc.assert(
      fc.property(plainTree, secretKey, secret, fc.nat(3), (tree, key, value, depth) => {
        let wrapped: unknown = { [key]: value };
        for (let level = 0; level < depth; level += 1) wrapped = { items: [tree, wrapped] };
        expect(JSON.stringify(redactObject(wrapped))).not.toContain(value);
      }),
    );
  });
});
