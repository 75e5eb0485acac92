import type { Cause } from "../../taxonomy/taxonomy.js";
import { LEARNED_MODEL } from "./model.js";
import { learnedFeatures } from "./tokens.js";
import type { RawModel } from "./types.js";

/** One feature's weights: which causes it votes for, and how much. */
interface FeatureWeights {
  readonly causes: Uint8Array;
  readonly weights: Float64Array;
}

/** A model ready to predict: parsed once from its generated text. */
export interface LearnedModel {
  readonly raw: RawModel;
  readonly causes: readonly Cause[];
  readonly bias: Float64Array;
  readonly features: ReadonlyMap<string, FeatureWeights>;
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
}

export const parseModel = (raw: RawModel): LearnedModel => {
  const names = raw.features.length === 0 ? [] : raw.features.split("\n");
  const rows = raw.weights.length === 0 ? [] : raw.weights.split(";");
  const features = new Map<string, FeatureWeights>();
  names.forEach((name, index) => {
    const pairs = (rows[index] ?? "").split(",").filter((pair) => pair.length > 0);
    const causes = new Uint8Array(pairs.length);
    const weights = new Float64Array(pairs.length);
    pairs.forEach((pair, at) => {
      const [cause, weight] = pair.split(":");
      causes[at] = Number(cause);
      weights[at] = Number(weight);
    });
    features.set(name, { causes, weights });
  });
  return {
    raw,
    causes: raw.causes,
    bias: Float64Array.from(raw.bias),
    features,
    unknownIndex: raw.causes.indexOf("UNKNOWN"),
  };
};

const TOP_TOKENS = 3;

/** Softmax over the causes of a scaled sum of weights of the features present (each counted once). */
export const predictWith = (model: LearnedModel, text: string): LearnedPrediction => {
  const known: FeatureWeights[] = [];
  const knownNames: string[] = [];
  for (const feature of learnedFeatures(text)) {
    const weights = model.features.get(feature);
    if (weights !== undefined) {
      known.push(weights);
      knownNames.push(feature);
    }
  }
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
  return {
    cause: model.causes[best] as Cause,
    probability: 1 / sum,
    unknownProbability: model.unknownIndex < 0 ? 0 : probabilityOf(model.unknownIndex),
    tokens: topTokens(known, knownNames, best),
    support: known.length,
  };
};

/** The features with the largest positive weight for `cause`; ties by name, so the answer is deterministic. */
const topTokens = (known: readonly FeatureWeights[], names: readonly string[], cause: number): string[] => {
  const scored: [string, number][] = [];
  known.forEach(({ causes, weights }, index) => {
    const at = causes.indexOf(cause);
    const weight = at < 0 ? 0 : (weights[at] as number);
    if (weight > 0) scored.push([names[index] as string, weight]);
  });
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
