import { describe, expect, it } from "vitest";
import { type CorpusEntry, holdsOut, readCorpus } from "./corpus.js";
import { buildLearned, developmentPart, fitIsotonic, splitFolds, trainWeights } from "./learn.js";

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
