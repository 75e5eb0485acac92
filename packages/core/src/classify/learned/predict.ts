import type { Cause } from "../../taxonomy/taxonomy.js";
import { LEARNED_MODEL } from "./model.js";
import { type FeatureVisitor, visitLearnedFeatures } from "./tokens.js";
import type { RawModel } from "./types.js";

/** One feature: its name, which causes it votes for, and how much. */
interface FeatureWeights {
  readonly name: string;
  readonly causes: Uint8Array;
  readonly weights: Float64Array;
}

/**
 * A model ready to predict: parsed once from its generated text. Word features are also indexed by a number per
 * word, so that prediction hashes each word of a text once and never builds the string of a word pair.
 */
export interface LearnedModel {
  readonly raw: RawModel;
  readonly causes: readonly Cause[];
  readonly bias: Float64Array;
  /** Every feature by its name. */
  readonly features: ReadonlyMap<string, FeatureWeights>;
  /** A number for each word that occurs in a feature, alone or in a pair. */
  readonly wordIds: ReadonlyMap<string, number>;
  /** Single-word features by word number. */
  readonly words: readonly (FeatureWeights | undefined)[];
  /** Word-pair features by `first * wordIds.size + second`. */
  readonly pairs: ReadonlyMap<number, FeatureWeights>;
  /** Where UNKNOWN sits in `causes`, or -1. */
  readonly unknownIndex: number;
}

/** The model's verdict on one text, with the features that weighed most for it. */
export interface LearnedPrediction {
  readonly cause: Cause;
  /** The model's probability of `cause`, 0..1 (before calibration). */
  readonly probability: number;
  /** The model's probability that the text's cause is UNKNOWN. */
  readonly unknownProbability: number;
  /** Up to three features that added most to `cause`, strongest first. */
  readonly tokens: readonly string[];
  /** How many of the text's features the model knows. */
  readonly support: number;
  /** Whether the text reports an outcome ("completed", "processed", "took 503 ms") rather than only a failure. */
  readonly reportsOutcome: boolean;
  /** Whether a text that reports an outcome also names a failure ("error", "failed", "invalid", "timed out"…). */
  readonly namesFailure: boolean;
}

const parseWeights = (name: string, row: string): FeatureWeights => {
  const pairs = row.split(",").filter((pair) => pair.length > 0);
  const causes = new Uint8Array(pairs.length);
  const weights = new Float64Array(pairs.length);
  pairs.forEach((pair, at) => {
    const [cause, weight] = pair.split(":");
    causes[at] = Number(cause);
    weights[at] = Number(weight);
  });
  return { name, causes, weights };
};

/** Whether a feature is made of the text's words (not a pair of characters). */
const isWordFeature = (name: string): boolean => !name.startsWith("#");

export const parseModel = (raw: RawModel): LearnedModel => {
  const names = raw.features.length === 0 ? [] : raw.features.split("\n");
  const rows = raw.weights.length === 0 ? [] : raw.weights.split(";");
  const features = new Map(names.map((name, index) => [name, parseWeights(name, rows[index] ?? "")]));
  const wordIds = new Map<string, number>();
  for (const name of names.filter(isWordFeature))
    for (const word of name.split(" ")) if (!wordIds.has(word)) wordIds.set(word, wordIds.size);
  const words: (FeatureWeights | undefined)[] = Array.from({ length: wordIds.size });
  const pairs = new Map<number, FeatureWeights>();
  for (const feature of features.values()) {
    if (!isWordFeature(feature.name)) continue;
    const [first, second] = feature.name.split(" ").map((word) => wordIds.get(word) as number);
    if (second === undefined) words[first as number] = feature;
    else pairs.set((first as number) * wordIds.size + second, feature);
  }
  return {
    raw,
    causes: raw.causes,
    bias: Float64Array.from(raw.bias),
    features,
    wordIds,
    words,
    pairs,
    unknownIndex: raw.causes.indexOf("UNKNOWN"),
  };
};

/** The model's features found in a text, each once. */
const knownFeatures = (model: LearnedModel, text: string) => {
  const known = new Set<FeatureWeights>();
  const add = (feature: FeatureWeights | undefined): void => {
    if (feature !== undefined) known.add(feature);
  };
  let previousId: number | undefined;
  let currentId: number | undefined;
  const visitor: FeatureVisitor = {
    word: (word, alone) => {
      previousId = currentId;
      currentId = model.wordIds.get(word);
      if (alone && currentId !== undefined) add(model.words[currentId]);
    },
    pair: () => {
      if (previousId !== undefined && currentId !== undefined)
        add(model.pairs.get(previousId * model.wordIds.size + currentId));
    },
    characters: (pair) => add(model.features.get(pair)),
  };
  visitLearnedFeatures(text, visitor);
  return [...known];
};

const TOP_TOKENS = 3;

const OUTCOME_REPORT =
  /\b(?:completed|finished|processed|skipped|succeeded|successfully)\b|\bis in (?:state|status) \w+|\btook \d+(?:\.\d+)? ?(?:ms|s|sec|seconds|milliseconds)\b/i;

const FAILURE_WORD =
  /\b(?:errors?|fail\w*|exceptions?|invalid|denied|refused|unable|cannot|can't|could not|not|missing|time[sd]? ?out|rejected|forbidden|unauthori[sz]ed|exceed\w*|too many|wrong|lost|killed|crash\w*|abort\w*|halted|unavailable|expired)\b/i;

/** Softmax over the causes of a scaled sum of weights of the features present (each counted once). */
export const predictWith = (model: LearnedModel, text: string): LearnedPrediction => {
  const known = knownFeatures(model, text);
  const logits = Float64Array.from(model.bias);
  const scale = known.length === 0 ? 0 : 1 / Math.sqrt(known.length);
  for (const { causes, weights } of known)
    for (let index = 0; index < causes.length; index += 1)
      logits[causes[index] as number] =
        (logits[causes[index] as number] as number) + scale * (weights[index] as number);
  let best = 0;
  for (let index = 1; index < logits.length; index += 1)
    if ((logits[index] as number) > (logits[best] as number)) best = index;
  const top = logits[best] as number;
  let sum = 0;
  for (const logit of logits) sum += Math.exp(logit - top);
  const probabilityOf = (index: number): number => Math.exp((logits[index] as number) - top) / sum;
  const reportsOutcome = OUTCOME_REPORT.test(text);
  return {
    cause: model.causes[best] as Cause,
    probability: 1 / sum,
    unknownProbability: model.unknownIndex < 0 ? 0 : probabilityOf(model.unknownIndex),
    tokens: topTokens(known, best),
    support: known.length,
    reportsOutcome,
    namesFailure: reportsOutcome && FAILURE_WORD.test(text),
  };
};

/** The features with the largest positive weight for `cause`; ties by name, so the answer is deterministic. */
const topTokens = (known: readonly FeatureWeights[], cause: number): string[] => {
  const scored: [string, number][] = [];
  for (const { name, causes, weights } of known) {
    const at = causes.indexOf(cause);
    const weight = at < 0 ? 0 : (weights[at] as number);
    if (weight > 0) scored.push([name, weight]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return scored.slice(0, TOP_TOKENS).map(([name]) => name);
};

let parsed: LearnedModel | undefined;
/** The generated model (`model.ts`), parsed on first use. */
export const learnedModel = (): LearnedModel => {
  parsed ??= parseModel(LEARNED_MODEL);
  return parsed;
};

/**
 * The learned model's best cause for a text, its probability and the three features that weighed most for it.
 * Deterministic and pure; reads at most `MAX_WORDS` words of the text.
 */
export const predictCause = (text: string): LearnedPrediction => predictWith(learnedModel(), text);
