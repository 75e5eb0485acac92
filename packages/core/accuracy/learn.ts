// Training of the learned model (`src/classify/learned/`): a softmax regression over token features, the precedence
// policy chosen by cross-validation and a calibration of `confidence` fitted on cross-validated answers. It reads the
// development part of the corpus only: `buildLearned` throws when handed a held-out text.
import {
  type ClassifyParts,
  classifyErrorWith,
  classifyParts,
  learnedText,
} from "../src/classify/classify-error.js";
import { type Answer, combine } from "../src/classify/learned/combine.js";
import { type LearnedModel, parseModel } from "../src/classify/learned/predict.js";
import { learnedFeatures } from "../src/classify/learned/tokens.js";
import type { AnswerKind, CalibrationCurve, LearnedPolicy, RawModel } from "../src/classify/learned/types.js";
import { readInput } from "../src/classify/read-input.js";
import { scanWindow } from "../src/classify/scan-window.js";
import { createRandom } from "../src/seeded-random.js";
import { CAUSES, type Cause } from "../src/taxonomy/taxonomy.js";
import { type CorpusEntry, holdsOut } from "./corpus.js";
import { type FreshAnswer, textId } from "./fresh-answers.js";

export interface TrainOptions {
  /** A feature must occur in at least this many training texts. */
  readonly minCount: number;
  /** L2 penalty on the weights. */
  readonly l2: number;
  readonly iterations: number;
  readonly learningRate: number;
  /** Weights smaller than this are dropped, so the model stays small. */
  readonly pruneBelow: number;
  /** Cross-validation folds for the policy and the calibration. */
  readonly folds: number;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  minCount: 2,
  l2: 0.00003,
  iterations: 250,
  learningRate: 0.05,
  pruneBelow: 0.1,
  folds: 5,
};

/** The development part of a corpus: every text that `holdsOut` does not claim. */
export const developmentPart = (entries: readonly CorpusEntry[]): CorpusEntry[] =>
  entries.filter((entry) => !holdsOut(entry.text));

const refuseHeldOut = (entries: readonly CorpusEntry[]): void => {
  if (entries.some((entry) => holdsOut(entry.text)))
    throw new Error("the learned model is trained on development texts only; a held-out text was passed");
};

const inputOf = (entry: CorpusEntry) => ({
  message: entry.text,
  ...(entry.statusCode === undefined ? {} : { statusCode: entry.statusCode }),
  ...(entry.context === undefined ? {} : { context: entry.context }),
});

/** The features the classifier would hand the model for this entry. */
const featuresOf = (entry: CorpusEntry): string[] => learnedFeatures(learnedText(scanWindow(entry.text), ""));

/** Softmax regression by full-batch Adam on L2-normalised binary features; deterministic. */
export const trainWeights = (
  entries: readonly CorpusEntry[],
  options: TrainOptions = DEFAULT_OPTIONS,
): Pick<RawModel, "causes" | "bias" | "features" | "weights"> => {
  refuseHeldOut(entries);
  const causes = CAUSES;
  const classes = causes.length;
  const docs = entries.map(featuresOf);
  const counts = new Map<string, number>();
  for (const doc of docs) for (const feature of doc) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const vocabulary = [...counts]
    .filter(([, count]) => count >= options.minCount)
    .map(([feature]) => feature)
    .sort();
  const index = new Map(vocabulary.map((feature, at) => [feature, at]));
  const rows = docs.map((doc) => doc.map((feature) => index.get(feature)).filter((at) => at !== undefined));
  const labels = entries.map((entry) => causes.indexOf(entry.cause));
  const size = (vocabulary.length + 1) * classes; // the last row is the bias
  const weights = new Float64Array(size);
  const gradient = new Float64Array(size);
  const moment = new Float64Array(size);
  const velocity = new Float64Array(size);
  const logits = new Float64Array(classes);
  const biasRow = vocabulary.length * classes;
  for (let step = 1; step <= options.iterations; step += 1) {
    gradient.fill(0);
    rows.forEach((row, doc) => {
      const scale = row.length === 0 ? 0 : 1 / Math.sqrt(row.length);
      for (let k = 0; k < classes; k += 1) logits[k] = weights[biasRow + k] as number;
      for (const at of row)
        for (let k = 0; k < classes; k += 1)
          logits[k] = (logits[k] as number) + scale * (weights[at * classes + k] as number);
      const top = Math.max(...logits);
      let sum = 0;
      for (let k = 0; k < classes; k += 1) {
        logits[k] = Math.exp((logits[k] as number) - top);
        sum += logits[k] as number;
      }
      for (let k = 0; k < classes; k += 1) {
        const error = (logits[k] as number) / sum - (labels[doc] === k ? 1 : 0);
        gradient[biasRow + k] = (gradient[biasRow + k] as number) + error;
        for (const at of row)
          gradient[at * classes + k] = (gradient[at * classes + k] as number) + scale * error;
      }
    });
    for (let at = 0; at < size; at += 1) {
      const penalty = at < biasRow ? options.l2 * (weights[at] as number) : 0;
      const g = (gradient[at] as number) / rows.length + penalty;
      moment[at] = 0.9 * (moment[at] as number) + 0.1 * g;
      velocity[at] = 0.999 * (velocity[at] as number) + 0.001 * g * g;
      const m = (moment[at] as number) / (1 - 0.9 ** step);
      const v = (velocity[at] as number) / (1 - 0.999 ** step);
      weights[at] = (weights[at] as number) - (options.learningRate * m) / (Math.sqrt(v) + 1e-8);
    }
  }
  const names: string[] = [];
  const encoded: string[] = [];
  vocabulary.forEach((feature, at) => {
    const pairs: string[] = [];
    for (let k = 0; k < classes; k += 1) {
      const weight = Math.round((weights[at * classes + k] as number) * 100) / 100;
      if (Math.abs(weight) >= options.pruneBelow) pairs.push(`${k}:${weight}`);
    }
    if (pairs.length > 0) {
      names.push(feature);
      encoded.push(pairs.join(","));
    }
  });
  const bias = Array.from(
    { length: classes },
    (_, k) => Math.round((weights[biasRow + k] as number) * 100) / 100,
  );
  return { causes, bias, features: names.join("\n"), weights: encoded.join(";") };
};

/** FNV-1a with another seed than `holdsOut`'s, so folds cut across the held-out split's classes. */
const foldOf = (text: string, folds: number): number => {
  let hash = 2166136261 ^ 0x5bd1e995;
  for (let index = 0; index < text.length; index += 1)
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return (hash >>> 0) % folds;
};

export const splitFolds = (entries: readonly CorpusEntry[], folds: number): CorpusEntry[][] =>
  Array.from({ length: folds }, (_, fold) => entries.filter((entry) => foldOf(entry.text, folds) === fold));

const NEUTRAL_POLICY: LearnedPolicy = { threshold: 2, override: { below: 2, threshold: 2 } };
const IDENTITY: RawModel["calibration"] = { rule: [], learned: [], unknown: [] };

const modelOf = (
  weights: Pick<RawModel, "causes" | "bias" | "features" | "weights">,
  trainedOn: number,
  policy = NEUTRAL_POLICY,
  calibration = IDENTITY,
): LearnedModel => parseModel({ ...weights, trainedOn, policy, calibration });

/** Rules and model parts of one entry, the model trained without it. */
export interface HeldPrediction {
  readonly entry: CorpusEntry;
  readonly parts: ClassifyParts;
}

/** What the rules decide for an entry and what the model predicts, asked even where the rules are firm. */
export const partsOf = (entry: CorpusEntry, model: LearnedModel): ClassifyParts =>
  classifyParts(readInput(inputOf(entry)), model, true);

/** Each entry with what the rules decide and what a model trained on the other folds predicts. */
export const crossValidate = (entries: readonly CorpusEntry[], options: TrainOptions): HeldPrediction[] => {
  const folds = splitFolds(entries, options.folds);
  return folds.flatMap((fold, at) => {
    const rest = folds.filter((_, other) => other !== at).flat();
    const model = modelOf(trainWeights(rest, options), rest.length);
    return fold.map((entry) => ({ entry, parts: partsOf(entry, model) }));
  });
};

const isRight = (answer: Answer, cause: Cause): boolean => (answer.decision?.cause ?? "UNKNOWN") === cause;
/**
 * What a wrong cause costs, against the 1 a right one is worth. UNKNOWN sends the user through the whole flow step by
 * step; a right cause spares them that, a wrong one costs them one check of the wrong thing before the same go-through.
 * So a wrong answer costs less than a right one gains: the model answers once it is right at least one time in three.
 */
const WRONG_ANSWER_COST = 0.5;

/** Utility of an answer: right +1, a wrong cause −`WRONG_ANSWER_COST`, UNKNOWN 0. */
const utility = (answer: Answer, cause: Cause): number =>
  isRight(answer, cause) ? 1 : answer.decision === undefined ? 0 : -WRONG_ANSWER_COST;

const steps = (from: number, to: number, step: number): number[] =>
  Array.from(
    { length: Math.round((to - from) / step) + 1 },
    (_, at) => Math.round((from + at * step) * 1000) / 1000,
  );

/** The lowest threshold tried: below it the model's first cause is rarely ahead of the next ones. */
const MIN_THRESHOLD = 0.2;
/** Thresholds tried, strictest first, 0.025 apart; 2 ("never") stands next to 0.95. */
const THRESHOLDS: readonly number[] = [2, ...steps(0.95, MIN_THRESHOLD, -0.025)];
/**
 * The model never replaces a rule's answer. Cross-validation found a small gain in replacing weak-word answers
 * (scores 50–72), but those weak rules encode context the model cannot see (a 429 at a webhook, a field name
 * that looks like a status): the rules keep the last word wherever they answer.
 */
const NO_OVERRIDE = { below: 0, threshold: 2 };
/** Resamples of the cross-validated answers behind the chosen threshold. */
const RESAMPLES = 201;

/** Index of the highest total; ties go to the earlier (stricter) threshold. */
const bestIndex = (totals: readonly number[]): number =>
  totals.reduce((best, total, at) => (total > (totals[best] as number) ? at : best), 0);

/**
 * The threshold chosen from each answer's utility at each threshold (`utilities[answer][threshold]`), thresholds
 * evenly spaced: the mean of the best thresholds of `RESAMPLES` bootstrap resamples of the answers, on the grid. The
 * total utility is flat over a wide range of thresholds, so its own maximum jumps with any small change of the texts
 * or the rules (0.575 to 0.75 with a tenth of the texts left out); the resamples' mean stays in the middle of the
 * plateau (0.6 to 0.65).
 */
export const baggedThreshold = (
  utilities: readonly (readonly number[])[],
  thresholds: readonly number[],
): number => {
  if (utilities.length === 0) return thresholds[0] as number;
  const random = createRandom(utilities.length);
  let indexSum = 0;
  for (let resample = 0; resample < RESAMPLES; resample += 1) {
    const totals = new Array<number>(thresholds.length).fill(0);
    for (let draw = 0; draw < utilities.length; draw += 1) {
      const row = utilities[Math.floor(random() * utilities.length)] as readonly number[];
      for (let at = 0; at < totals.length; at += 1) totals[at] = (totals[at] as number) + (row[at] as number);
    }
    indexSum += bestIndex(totals);
  }
  return thresholds[Math.round(indexSum / RESAMPLES)] as number;
};

/** The policy of most utility on cross-validated answers: the threshold at which the model answers where the rules found nothing. */
export const choosePolicy = (held: readonly HeldPrediction[]): LearnedPolicy => {
  const utilities = held.map(({ entry, parts }) =>
    THRESHOLDS.map((threshold) =>
      utility(combine(parts.decision, parts.prediction, { threshold, override: NO_OVERRIDE }), entry.cause),
    ),
  );
  return { threshold: baggedThreshold(utilities, THRESHOLDS), override: NO_OVERRIDE };
};

/** Pseudo-answers pulling each calibration block towards its kind's overall accuracy. */
const SMOOTHING = 2;

/**
 * Isotonic regression (pool adjacent violators) of rightness on raw confidence, each block shrunk towards the
 * kind's mean accuracy by `SMOOTHING` pseudo-answers; points at each block's mean raw confidence.
 */
export const fitIsotonic = (points: readonly { raw: number; right: boolean }[]): CalibrationCurve => {
  if (points.length === 0) return [];
  const sorted = [...points].sort((a, b) => a.raw - b.raw);
  const prior = sorted.filter((point) => point.right).length / sorted.length;
  interface Block {
    rawSum: number;
    right: number;
    count: number;
  }
  const blocks: Block[] = [];
  for (const point of sorted) {
    const last = blocks[blocks.length - 1];
    if (last !== undefined && last.rawSum / last.count === point.raw) {
      last.rawSum += point.raw;
      last.right += point.right ? 1 : 0;
      last.count += 1;
    } else blocks.push({ rawSum: point.raw, right: point.right ? 1 : 0, count: 1 });
    while (blocks.length > 1) {
      const top = blocks[blocks.length - 1] as Block;
      const below = blocks[blocks.length - 2] as Block;
      if (below.right / below.count < top.right / top.count) break;
      blocks.pop();
      below.rawSum += top.rawSum;
      below.right += top.right;
      below.count += top.count;
    }
  }
  let floor = 0;
  return blocks.map((block) => {
    const value = Math.max(floor, (block.right + SMOOTHING * prior) / (block.count + SMOOTHING));
    floor = value;
    return [Math.round((block.rawSum / block.count) * 1000) / 1000, Math.round(value * 1000) / 1000] as const;
  });
};

/** A recorded fresh answer judged by its text's label now; answers to texts outside `entries` are left out. */
const judgedFreshAnswers = (entries: readonly CorpusEntry[], fresh: readonly FreshAnswer[]) => {
  const causeOf = new Map(entries.map((entry) => [textId(entry.text), entry.cause]));
  return fresh.flatMap(({ id, answer, kind, raw }) => {
    const cause = causeOf.get(id);
    return cause === undefined ? [] : [{ kind, raw, right: answer === cause }];
  });
};

/**
 * Per answer kind, isotonic calibration on two sets of answers: every development text's cross-validated answer
 * (`held`), and the answers recorded for each round while it was fresh (`fresh`, judged against `entries`). The first
 * alone reads high, as rules are right more often on the texts they were written against; the second alone reads low
 * on families the rules have since learnt. Production texts, like held-out ones, are a mix of both.
 */
export const fitCalibration = (
  held: readonly HeldPrediction[],
  policy: LearnedPolicy,
  fresh: readonly { kind: AnswerKind; raw: number; right: boolean }[] = [],
): RawModel["calibration"] => {
  const byKind: Record<AnswerKind, { raw: number; right: boolean }[]> = {
    rule: [],
    learned: [],
    unknown: [],
  };
  for (const { entry, parts } of held) {
    if (parts.prediction === undefined && parts.decision === undefined) continue; // nothing to read: stays 0
    const answer = combine(parts.decision, parts.prediction, policy);
    byKind[answer.kind].push({ raw: answer.raw, right: isRight(answer, entry.cause) });
  }
  for (const { kind, raw, right } of fresh) byKind[kind].push({ raw, right });
  return {
    rule: fitIsotonic(byKind.rule),
    learned: fitIsotonic(byKind.learned),
    unknown: fitIsotonic(byKind.unknown),
  };
};

export interface Learned {
  readonly raw: RawModel;
  readonly model: LearnedModel;
  readonly held: readonly HeldPrediction[];
}

/**
 * The whole pipeline on development texts: cross-validated policy, calibration on those answers and on the recorded
 * `fresh` answers to `entries`, then the model on all of them.
 */
export const buildLearned = (
  entries: readonly CorpusEntry[],
  options: TrainOptions = DEFAULT_OPTIONS,
  fresh: readonly FreshAnswer[] = [],
): Learned => {
  refuseHeldOut(entries);
  const held = crossValidate(entries, options);
  const policy = choosePolicy(held);
  const calibration = fitCalibration(held, policy, judgedFreshAnswers(entries, fresh));
  const raw: RawModel = { ...trainWeights(entries, options), trainedOn: entries.length, policy, calibration };
  return { raw, model: parseModel(raw), held };
};

/** Outer cross-validation of the whole pipeline: each development text classified by a pipeline built without it. */
export const crossValidatedClassifications = (
  entries: readonly CorpusEntry[],
  options: TrainOptions = DEFAULT_OPTIONS,
  fresh: readonly FreshAnswer[] = [],
) => {
  const folds = splitFolds(entries, options.folds);
  return folds.flatMap((fold, at) => {
    const { model } = buildLearned(folds.filter((_, other) => other !== at).flat(), options, fresh);
    return fold.map((entry) => ({ entry, result: classifyErrorWith(inputOf(entry), model) }));
  });
};
