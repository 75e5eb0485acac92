import { describe, expect, it } from "vitest";
import type { Decision } from "../decide.js";
import { calibrate } from "./calibrate.js";
import { combine } from "./combine.js";
import type { LearnedPrediction } from "./predict.js";
import type { LearnedPolicy } from "./types.js";

const policy: LearnedPolicy = { threshold: 0.6, override: { below: 0.75, threshold: 0.8 } };
const rule = (confidence: number, source: "message" | "statusCode" = "message"): Decision => ({
  cause: "MAPPING",
  confidence,
  evidence: [{ signal: "x", source, value: "x" }],
});
const model = (
  probability: number,
  cause: LearnedPrediction["cause"] = "RATE_LIMITED",
): LearnedPrediction => ({
  cause,
  probability,
  unknownProbability: 0.03,
  tokens: ["rate", "limit"],
  support: 5,
  reportsOutcome: false,
  namesFailure: true,
});

describe("combine: precedence between the rules and the model", () => {
  it("keeps a confident rule answer, however sure the model is", () => {
    expect(combine(rule(0.84), model(0.99), policy)).toMatchObject({ kind: "rule", raw: 0.84 });
  });

  it("keeps a rule answer resting on a structured fact even when its score is low", () => {
    expect(combine(rule(0.6, "statusCode"), model(0.99), policy).kind).toBe("rule");
  });

  it("lets the model replace a weak rule answer only above the override threshold", () => {
    expect(combine(rule(0.6), model(0.79), policy).kind).toBe("rule");
    expect(combine(rule(0.6), model(0.85), policy)).toMatchObject({ kind: "learned", raw: 0.85 });
  });

  it("answers from the model where the rules found nothing, above the threshold", () => {
    expect(combine(undefined, model(0.59), policy)).toMatchObject({ kind: "unknown", raw: 0.03 });
    const answer = combine(undefined, model(0.61), policy);
    expect(answer.kind).toBe("learned");
    expect(answer.decision?.evidence).toEqual([
      { signal: "learnedTokens", source: "message", value: "rate, limit" },
    ]);
  });

  it("does not answer from too few known features or for UNKNOWN", () => {
    expect(combine(undefined, { ...model(0.9), support: 2 }, policy).kind).toBe("unknown");
    expect(combine(undefined, { ...model(0.9), tokens: ["timeout", "_num_"] }, policy).kind).toBe("unknown");
    expect(combine(undefined, { ...model(0.9), tokens: ["timed out"] }, policy).kind).toBe("learned");
    expect(combine(undefined, model(0.9, "UNKNOWN"), policy).kind).toBe("unknown");
  });

  it("hears a weak guess on a text that reports an outcome only when it is surer", () => {
    const low = { threshold: 0.35, override: policy.override };
    expect(combine(undefined, model(0.45), low).kind).toBe("learned");
    expect(combine(undefined, { ...model(0.45), reportsOutcome: true }, low).kind).toBe("unknown");
    expect(combine(undefined, { ...model(0.55), reportsOutcome: true }, low).kind).toBe("learned");
  });

  it("does not hear the model on a text that reports an outcome and names no failure", () => {
    const outcome = { ...model(0.95), reportsOutcome: true, namesFailure: false };
    expect(combine(undefined, outcome, policy).kind).toBe("unknown");
  });

  it("is UNKNOWN with raw confidence 0 when there was nothing to read", () => {
    expect(combine(undefined, undefined, policy)).toEqual({ kind: "unknown", decision: undefined, raw: 0 });
  });
});

describe("calibrate", () => {
  const curve = [
    [0.5, 0.4],
    [0.7, 0.6],
    [0.9, 0.95],
  ] as const;

  it("interpolates between points, is flat below them and rises to 1 above them", () => {
    expect(calibrate(curve, 0.3)).toBe(0.4);
    expect(calibrate(curve, 0.6)).toBe(0.5);
    expect(calibrate(curve, 0.9)).toBe(0.95);
    expect(calibrate(curve, 0.96)).toBe(0.98);
    expect(calibrate(curve, 1)).toBe(1);
  });

  it("never falls as the raw confidence rises", () => {
    let last = 0;
    for (let raw = 0; raw <= 1; raw += 0.01) {
      const value = calibrate(curve, raw);
      expect(value).toBeGreaterThanOrEqual(last);
      last = value;
    }
  });

  it("leaves the raw value without a curve", () => {
    expect(calibrate([], 0.42)).toBe(0.42);
  });
});
