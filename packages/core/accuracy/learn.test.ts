import { describe, expect, it } from "vitest";
import { calibrate } from "../src/classify/learned/calibrate.js";
import { type CorpusEntry, holdsOut, readCorpus } from "./corpus.js";
import { type FreshAnswer, textId } from "./fresh-answers.js";
import {
  baggedThreshold,
  buildLearned,
  choosePolicy,
  DEFAULT_OPTIONS,
  developmentPart,
  fitCalibration,
  fitIsotonic,
  type HeldPrediction,
  splitFolds,
  trainWeights,
} from "./learn.js";

const corpus = readCorpus();
const development = developmentPart(corpus);

describe("training reads the development part only", () => {
  it("hands the trainer every development text and no held-out text", () => {
    expect(development.some((entry) => holdsOut(entry.text))).toBe(false);
    expect(development.length).toBe(corpus.filter((entry) => !holdsOut(entry.text)).length);
    expect(development.length).toBeLessThan(corpus.length);
  });

  it("refuses a held-out text", () => {
    const heldOut = corpus.find((entry) => holdsOut(entry.text)) as CorpusEntry;
    const tiny = [...development.slice(0, 5), heldOut];
    expect(() => trainWeights(tiny)).toThrow(/development texts only/);
    expect(() => buildLearned(tiny)).toThrow(/development texts only/);
  });

  it("splits the development part into disjoint folds that cover it", () => {
    const folds = splitFolds(development, 5);
    expect(folds.flat().length).toBe(development.length);
    expect(new Set(folds.flat().map((entry) => entry.text)).size).toBe(development.length);
    for (const fold of folds) expect(fold.length).toBeGreaterThan(development.length / 10);
  });
});

describe("fitIsotonic", () => {
  it("fits a non-decreasing curve, shrunk towards the mean", () => {
    const points = [
      ...Array.from({ length: 20 }, (_, index) => ({ raw: 0.5, right: index < 8 })),
      ...Array.from({ length: 20 }, (_, index) => ({ raw: 0.7, right: index < 6 })),
      ...Array.from({ length: 20 }, (_, index) => ({ raw: 0.9, right: index < 19 })),
    ];
    const curve = fitIsotonic(points);
    for (let index = 1; index < curve.length; index += 1)
      expect(curve[index]?.[1]).toBeGreaterThanOrEqual(curve[index - 1]?.[1] as number);
    expect(curve.length).toBe(2); // 0.5 and 0.7 pooled: 14 of 40 right
    expect(curve[0]?.[1]).toBeCloseTo((14 + 2 * (33 / 60)) / 42, 3);
  });
});

describe("baggedThreshold", () => {
  const thresholds = [2, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5];
  /** A deterministic sequence in [0, 1): the test's answers must not change between runs. */
  const sequence = (seed: number) => {
    let state = seed;
    return () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
  };
  /**
   * Answers with a probability on the grid; each is answered at every threshold up to its probability, right (+1)
   * or wrong (−1). Above 0.75 the model is right as often as its probability says; below, half the time: the total
   * utility is a plateau from 0.75 down, with noise.
   */
  const answers = (count: number, seed: number): number[][] => {
    const next = sequence(seed);
    return Array.from({ length: count }, () => {
      const probability = 0.5 + Math.floor(next() * 9) * 0.05;
      const right = next() < (probability > 0.75 ? probability : 0.5);
      return thresholds.map((threshold) => (threshold <= probability + 1e-9 ? (right ? 1 : -1) : 0));
    });
  };
  const plainBest = (rows: number[][]): number => {
    const totals = thresholds.map((_, at) => rows.reduce((sum, row) => sum + (row[at] as number), 0));
    return thresholds[totals.indexOf(Math.max(...totals))] as number;
  };
  /** Mean absolute deviation from the mean. */
  const deviation = (values: number[]): number => {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return values.reduce((sum, value) => sum + Math.abs(value - mean), 0) / values.length;
  };

  it("varies less than the plain maximum when a tenth of the answers is left out", () => {
    let plain = 0;
    let bagged = 0;
    for (const seed of [7, 11, 13, 17, 19])
      for (const count of [300, 600, 1200]) {
        const rows = answers(count, seed);
        const leftOut = Array.from({ length: 10 }, (_, tenth) => rows.filter((_, at) => at % 10 !== tenth));
        const chosen = leftOut.map((part) => baggedThreshold(part, thresholds));
        plain += deviation(leftOut.map(plainBest));
        bagged += deviation(chosen);
        for (const threshold of chosen) expect(threshold).toBeLessThanOrEqual(0.8);
      }
    expect(bagged).toBeLessThan(plain * 0.8);
  });

  it("finds a clear best threshold, and is deterministic", () => {
    // One answer per probability on the grid, right exactly when its probability is at least 0.8.
    const rows = thresholds
      .slice(1)
      .map((probability) => thresholds.map((t) => (t <= probability ? (probability >= 0.8 ? 1 : -1) : 0)));
    const many = Array.from({ length: 20 }, () => rows).flat();
    expect(baggedThreshold(many, thresholds)).toBe(0.8);
    expect(baggedThreshold(many, thresholds)).toBe(baggedThreshold(many, thresholds));
  });

  it("never answers without answers to learn from", () => {
    expect(baggedThreshold([], thresholds)).toBe(2);
  });
});

describe("choosePolicy", () => {
  /** `count` texts the rules found nothing in; the model names SYSTEM_DOWNTIME at `probability`, right `right` times. */
  const band = (probability: number, count: number, right: number): HeldPrediction[] =>
    Array.from({ length: count }, (_, at) => ({
      entry: {
        text: `band ${probability} text ${at}`,
        cause: at < right ? "SYSTEM_DOWNTIME" : "MAPPING",
        source: "test",
        why: "test",
        at: "test.jsonl:1",
      },
      parts: {
        read: { message: "", stack: "", statusCode: undefined, componentName: "", context: {}, notes: [] },
        scanned: 1,
        decision: undefined,
        prediction: {
          cause: "SYSTEM_DOWNTIME",
          probability,
          unknownProbability: 0.05,
          tokens: ["connection refused"],
          support: 5,
          reportsOutcome: false,
          namesFailure: true,
        },
      },
    }));

  it("lets the model answer where it is right at least one time in three, and not below", () => {
    // A calibrated model: of the texts it gives probability p, it is right on a share p.
    const held = Array.from({ length: 16 }, (_, at) => 0.2 + at * 0.05).flatMap((probability) =>
      band(Math.round(probability * 100) / 100, 40, Math.round(40 * probability)),
    );
    const { threshold } = choosePolicy(held);
    expect(threshold).toBeLessThanOrEqual(0.45); // right 40 % of the time: worth answering
    expect(threshold).toBeGreaterThanOrEqual(0.25); // right 20 % of the time: UNKNOWN is better
  });
});

describe("calibration on recorded fresh answers", () => {
  const policy = { threshold: 0.5, override: { below: 0, threshold: 2 } };
  const sample = development.slice(0, 120);
  const answersTo = (entries: readonly CorpusEntry[], right: boolean): FreshAnswer[] =>
    entries.map((entry) => ({
      id: textId(entry.text),
      answer: right ? entry.cause : entry.cause === "MAPPING" ? "RATE_LIMITED" : "MAPPING",
      kind: "rule",
      raw: 0.84,
    }));

  it("pools them with the cross-validated answers of the same kind", () => {
    const held = Array.from({ length: 40 }, (_, at) => ({
      entry: {
        text: `text ${at}`,
        cause: at < 36 ? "SYSTEM_DOWNTIME" : "MAPPING",
        source: "test",
        why: "test",
        at: "t:1",
      },
      parts: {
        read: { message: "", stack: "", statusCode: undefined, componentName: "", context: {}, notes: [] },
        scanned: 1,
        decision: { cause: "SYSTEM_DOWNTIME", confidence: 0.84, evidence: [] },
        prediction: undefined,
      },
    })) as HeldPrediction[];
    const fresh = Array.from({ length: 40 }, (_, at) => ({
      kind: "rule" as const,
      raw: 0.84,
      right: at < 20,
    }));
    expect(fitCalibration(held, policy).rule[0]?.[1]).toBeCloseTo((36 + 2 * 0.9) / 42, 3);
    expect(fitCalibration(held, policy, fresh).rule[0]?.[1]).toBeCloseTo((56 + 2 * 0.7) / 82, 3);
  });

  it("judges each answer by its text's label in the training texts, and leaves out answers to other texts", () => {
    const options = { ...DEFAULT_OPTIONS, iterations: 20 };
    const ruleCurve = (fresh: readonly FreshAnswer[]) =>
      buildLearned(sample, options, fresh).raw.calibration.rule;
    const without = ruleCurve([]);
    expect(ruleCurve(answersTo(development.slice(200, 320), false))).toEqual(without);
    const wrong = ruleCurve(answersTo(sample, false));
    const right = ruleCurve(answersTo(sample, true));
    expect(calibrate(wrong, 0.84)).toBeLessThan(calibrate(without, 0.84));
    expect(calibrate(right, 0.84)).toBeGreaterThan(calibrate(wrong, 0.84));
  });
});
