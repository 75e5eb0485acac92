import { describe, expect, it } from "vitest";
import { holdsOut, readCorpus } from "./corpus.js";
import { calibration, classifyEntry, measure, type Outcome } from "./measure.js";

const corpus = readCorpus();
const heldOut = corpus.filter((entry) => holdsOut(entry.text)).map(classifyEntry);

describe("the error-text corpus", () => {
  it("holds at least 600 distinct texts, each with its source and the reason for its label", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(600);
    for (const entry of corpus) {
      expect(entry.source.trim(), entry.at).not.toBe("");
      expect(entry.why.trim(), entry.at).not.toBe("");
    }
  });

  it("keeps about a third held out, chosen by the text alone", () => {
    expect(heldOut.length / corpus.length).toBeGreaterThan(0.28);
    expect(heldOut.length / corpus.length).toBeLessThan(0.38);
  });
});

describe("accuracy on the held-out part (a floor against regressions; targets in `pnpm accuracy`)", () => {
  it("stays at or above the level and cause accuracy reached, and calibrated within 0.05", () => {
    const result = measure(heldOut);
    expect(result.levelAccuracy).toBeGreaterThanOrEqual(0.82);
    expect(result.causeAccuracy).toBeGreaterThanOrEqual(0.76);
    expect(result.calibration.error).toBeLessThanOrEqual(0.05);
  });
});

describe("calibration", () => {
  const outcome = (confidence: number, right: boolean): Outcome =>
    ({
      entry: { cause: "MAPPING" },
      cause: right ? "MAPPING" : "UNKNOWN",
      level: "INTEGRATION_LOGIC",
      confidence,
    }) as Outcome;

  it("is zero when confidence matches the share of right answers in each bin", () => {
    const outcomes = Array.from({ length: 10 }, (_, index) => outcome(0.8, index < 8));
    expect(calibration(outcomes).error).toBeCloseTo(0, 5);
  });

  it("is the count-weighted gap between confidence and accuracy", () => {
    const outcomes = [outcome(0.95, false), outcome(0.95, false), outcome(0.15, true), outcome(0.15, true)];
    expect(calibration(outcomes).error).toBeCloseTo(0.5 * 0.95 + 0.5 * 0.85, 5);
  });
});
