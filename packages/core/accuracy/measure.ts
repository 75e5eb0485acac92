import { classifyError } from "../src/classify/classify-error.js";
import { CAUSE_INFO, type Cause, type Level } from "../src/taxonomy/taxonomy.js";
import type { CorpusEntry } from "./corpus.js";

/** One entry as the classifier saw it. */
export interface Outcome {
  readonly entry: CorpusEntry;
  readonly cause: Cause;
  readonly level: Level;
  readonly confidence: number;
}

export const classifyEntry = (entry: CorpusEntry): Outcome => {
  const result = classifyError({
    message: entry.text,
    ...(entry.statusCode === undefined ? {} : { statusCode: entry.statusCode }),
    ...(entry.context === undefined ? {} : { context: entry.context }),
  });
  return { entry, cause: result.cause, level: result.level, confidence: result.confidence };
};

export const isCauseRight = (outcome: Outcome): boolean => outcome.cause === outcome.entry.cause;
export const isLevelRight = (outcome: Outcome): boolean =>
  outcome.level === CAUSE_INFO[outcome.entry.cause].level;

const share = (outcomes: readonly Outcome[], right: (outcome: Outcome) => boolean): number =>
  outcomes.length === 0 ? 0 : outcomes.filter(right).length / outcomes.length;

/** A bin of the reliability diagram: answers whose confidence fell in [from, to). */
export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** Ten equal-width confidence bins, and the expected calibration error: the count-weighted gap between the two. */
export const calibration = (outcomes: readonly Outcome[], bins = 10) => {
  const table: CalibrationBin[] = Array.from({ length: bins }, (_, index) => {
    const from = index / bins;
    const to = (index + 1) / bins;
    const inBin = outcomes.filter(
      (outcome) =>
        outcome.confidence >= from &&
        (outcome.confidence < to || (index === bins - 1 && outcome.confidence <= 1)),
    );
    const meanConfidence = inBin.reduce((sum, outcome) => sum + outcome.confidence, 0) / (inBin.length || 1);
    return { from, to, count: inBin.length, meanConfidence, accuracy: share(inBin, isCauseRight) };
  });
  const total = outcomes.length || 1;
  const error = table.reduce(
    (sum, bin) => sum + (bin.count / total) * Math.abs(bin.accuracy - bin.meanConfidence),
    0,
  );
  return { bins: table, error };
};

/** Rows: the corpus's cause; columns: the classifier's. */
export const confusion = (outcomes: readonly Outcome[]): Map<Cause, Map<Cause, number>> => {
  const matrix = new Map<Cause, Map<Cause, number>>();
  for (const outcome of outcomes) {
    const row = matrix.get(outcome.entry.cause) ?? new Map<Cause, number>();
    row.set(outcome.cause, (row.get(outcome.cause) ?? 0) + 1);
    matrix.set(outcome.entry.cause, row);
  }
  return matrix;
};

/** Level and cause accuracy, per cause, and calibration of one part of the corpus. */
export const measure = (outcomes: readonly Outcome[]) => ({
  count: outcomes.length,
  levelAccuracy: share(outcomes, isLevelRight),
  causeAccuracy: share(outcomes, isCauseRight),
  calibration: calibration(outcomes),
  confusion: confusion(outcomes),
});
