import { describe, expect, it } from "vitest";
import { classifyError } from "./classify-error.js";
import type { ErrorInput } from "./types.js";

const confidenceOf = (input: ErrorInput): number => classifyError(input).confidence;

describe("classifyError confidence: structured > strong text > weak text", () => {
  it("orders credential evidence", () => {
    const structured = confidenceOf({ message: "request failed", statusCode: 401 });
    const strong = confidenceOf({ message: "Error: Code: 401 Message: Unauthorized" });
    const weak = confidenceOf({ message: "unauthorized" });
    expect(structured).toBeGreaterThan(strong);
    expect(strong).toBeGreaterThan(weak);
  });

  it("orders memory evidence", () => {
    const structured = confidenceOf({
      message: "",
      context: { containerExit: { state: "Killed", exitCode: 137 } },
    });
    const strong = confidenceOf({ message: "Container exited with code 137" });
    const weak = confidenceOf({ message: "process ran out of memory" });
    expect(structured).toBeGreaterThan(strong);
    expect(strong).toBeGreaterThan(weak);
  });

  it("orders downtime evidence", () => {
    const structured = confidenceOf({ message: "request failed", statusCode: 503 });
    const strong = confidenceOf({ message: "connect ECONNREFUSED 10.0.0.1:443" });
    const weak = confidenceOf({ message: "no answer from the server: timeout" });
    expect(structured).toBeGreaterThan(strong);
    expect(strong).toBeGreaterThan(weak);
  });

  it("rises when independent signals agree", () => {
    const one = confidenceOf({ message: "Request failed with status code 503" });
    const two = confidenceOf({ message: "Request failed with status code 503: Service Unavailable" });
    expect(two).toBeGreaterThan(one);
  });

  it("drops when a rival cause is nearly as strong", () => {
    const clear = confidenceOf({
      message: "TypeError: Cannot read properties of undefined (reading 'data')",
    });
    const contested = confidenceOf({
      message: "TypeError: Cannot read properties of undefined (reading 'data')",
      stack: "TypeError: x\n    at Object.process (/home/node/lib/actions/get.js:8:20)",
    });
    expect(contested).toBeLessThan(clear);
  });
});
