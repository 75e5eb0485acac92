import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CAUSES } from "../taxonomy/taxonomy.js";
import { classifyError } from "./classify-error.js";
import type { ErrorInput } from "./types.js";

const asInput = (value: unknown): ErrorInput => value as ErrorInput;

describe("classifyError on bad input", () => {
  it("returns UNKNOWN for an empty message and says so", () => {
    const result = classifyError({ message: "" });
    expect(result).toMatchObject({
      cause: "UNKNOWN",
      level: "UNCLASSIFIED",
      confidence: 0,
      retryable: false,
    });
    expect(result.evidence).toEqual([
      { signal: "emptyInput", source: "message", value: "no message, stack or context to classify" },
    ]);
  });

  it("reads null, undefined and a missing message as empty", () => {
    for (const message of [null, undefined]) {
      expect(classifyError({ message }).evidence[0]?.signal).toBe("emptyInput");
    }
    expect(classifyError(asInput({})).cause).toBe("UNKNOWN");
  });

  it("does not throw on inputs that are not objects", () => {
    for (const input of [null, undefined, 42, true, Symbol("x"), () => 1]) {
      expect(classifyError(asInput(input)).cause).toBe("UNKNOWN");
    }
  });

  it("reads numbers as text and says it did", () => {
    const result = classifyError({ message: 12345 });
    expect(result.cause).toBe("UNKNOWN");
    expect(result.evidence).toContainEqual({
      signal: "messageNotText",
      source: "message",
      value: "number read as text",
    });
  });

  it("decodes Buffers as UTF-8 and classifies what they say", () => {
    expect(classifyError({ message: Buffer.from("connect ECONNREFUSED 10.0.0.1:443") }).cause).toBe(
      "SYSTEM_DOWNTIME",
    );
    const binary = classifyError({ message: Buffer.from([0, 159, 146, 150, 255, 0, 1]) });
    expect(binary.cause).toBe("UNKNOWN");
    expect(binary.evidence).toContainEqual({
      signal: "messageNotText",
      source: "message",
      value: "7 bytes decoded as UTF-8",
    });
  });

  it("reads Error-like objects by their message and code", () => {
    expect(classifyError({ message: new Error("socket hang up") }).cause).toBe("SYSTEM_DOWNTIME");
    expect(classifyError({ message: { message: "HTTP error", code: 401 } }).cause).toBe(
      "INVALID_CREDENTIALS",
    );
    expect(classifyError({ message: { name: "Error", code: "ECONNREFUSED" } }).cause).toBe("SYSTEM_DOWNTIME");
    expect(
      classifyError({ message: { name: "ReferenceError", message: "sfConn is not defined" } }).evidence[0],
    ).toEqual({
      signal: "codeDefect",
      source: "message",
      value: "ReferenceError",
    });
  });

  it("reads the stack of an Error passed as the message", () => {
    const error = new TypeError("client.query is not a function");
    error.stack = `TypeError: ${error.message}\n    at Object.process (/home/node/lib/actions/query.js:42:31)`;
    const result = classifyError({ message: error });
    expect(result.cause).toBe("COMPONENT_ERROR");
    expect(result.evidence.map((item) => item.signal)).toContain("ownStackFrame");
  });

  it("reads plain objects as JSON, and survives cycles and BigInts", () => {
    expect(classifyError({ message: { error: "invalid_grant" } }).cause).toBe("INVALID_CREDENTIALS");
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(classifyError({ message: cyclic }).cause).toBe("UNKNOWN");
    expect(classifyError({ message: { n: 10n } }).cause).toBe("UNKNOWN");
  });

  it("answers UNKNOWN without echoing an input whose getters throw", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("secret=hunter2");
        },
      },
    );
    const result = classifyError(asInput(hostile));
    expect(result.cause).toBe("UNKNOWN");
    expect(result.evidence).toEqual([
      { signal: "unreadableInput", source: "message", value: "the input could not be read" },
    ]);
    expect(JSON.stringify(result)).not.toContain("hunter2");
  });

  it("classifies a 1 MB message by its head and tail, quickly", { timeout: 30_000 }, () => {
    const filler = "x".repeat(1024 * 1024);
    const started = performance.now();
    expect(classifyError({ message: `connect ECONNREFUSED 10.0.0.1:443 ${filler}` }).cause).toBe(
      "SYSTEM_DOWNTIME",
    );
    expect(classifyError({ message: `${filler} Rebound limit exceeded` }).cause).toBe("REBOUND_EXHAUSTED");
    expect(
      classifyError({ message: `${filler.slice(0, 500_000)} OOMKilled ${filler.slice(0, 500_000)}` }).cause,
    ).toBe("UNKNOWN");
    // Generous for a loaded CI machine; a full scan of 1 MB with every signal would take far longer.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("ignores a statusCode that is not an integer", () => {
    expect(classifyError(asInput({ message: "", statusCode: "401" })).cause).toBe("UNKNOWN");
    expect(classifyError({ message: "", statusCode: Number.NaN }).cause).toBe("UNKNOWN");
    expect(classifyError({ message: "", statusCode: 200 }).cause).toBe("UNKNOWN");
  });

  it("never throws and always answers with a cause of the taxonomy (property)", () => {
    const anyInput = fc.oneof(
      fc.anything(),
      fc.record({
        message: fc.anything(),
        stack: fc.anything(),
        statusCode: fc.anything(),
        context: fc.anything(),
      }),
      fc.record({ message: fc.string({ unit: "binary", maxLength: 2_000 }), statusCode: fc.integer() }),
      fc.record({ message: fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)) }),
    );
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = classifyError(asInput(input));
        expect(CAUSES).toContain(result.cause);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(result.evidence.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
