import { describe, expect, it } from "vitest";
import { fingerprintError } from "./fingerprint-error.js";
import { hashText } from "./hash-text.js";

const flowId = "585918da586224001b96de89";

describe("fingerprintError", () => {
  it("is 16 hex digits and the same for the same problem with other ids, times and hosts", () => {
    const a = fingerprintError({
      flowId,
      stepId: "step_2",
      message: "connect ECONNREFUSED 10.0.0.1:443 at 03:13:27",
    });
    const b = fingerprintError({
      flowId,
      stepId: "step_2",
      message: "connect ECONNREFUSED 10.9.8.7:443 at 11:00:00",
    });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
  });

  it("differs between steps, flows, problems, and step versus whole flow", () => {
    const message = "Code: 401 Message: Unauthorized";
    const base = fingerprintError({ flowId, stepId: "step_2", message });
    expect(fingerprintError({ flowId, stepId: "step_3", message })).not.toBe(base);
    expect(fingerprintError({ flowId: "5b0d1e6a3f2c4b0019a1e2f3", stepId: "step_2", message })).not.toBe(
      base,
    );
    expect(fingerprintError({ flowId, stepId: "step_2", message: "Code: 403 Message: Forbidden" })).not.toBe(
      base,
    );
    expect(fingerprintError({ flowId, message })).not.toBe(base);
  });
});

describe("hashText", () => {
  it("gives the same values as when fingerprints were first stored", () => {
    expect(hashText("")).toBe("488bdcb81aee8d83");
    expect(hashText("abc")).toBe("7a91f9f91ac18c8d");
    expect(fingerprintError({ flowId, stepId: "step_1", message: "Rebound limit exceeded" })).toBe(
      "e7051a19f886846c",
    );
  });

  it("separates texts that differ in one character or in where a separator sits", () => {
    expect(hashText("abc")).not.toBe(hashText("abd"));
    expect(hashText("a\u0000bc")).not.toBe(hashText("ab\u0000c"));
  });
});

describe("fingerprintError: bad input", () => {
  it("names the field that is not a string", () => {
    expect(() => fingerprintError({ flowId, message: 42 as unknown as string })).toThrow(
      /^message must be a string$/,
    );
    expect(() => fingerprintError({ flowId: undefined as unknown as string, message: "x" })).toThrow(
      /input.flowId/,
    );
    expect(() => fingerprintError({ flowId, stepId: 1 as unknown as string, message: "x" })).toThrow(
      /input.stepId/,
    );
  });
});
