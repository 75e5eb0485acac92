import type { Decision } from "../decide.js";
import type { LearnedPrediction } from "./predict.js";
import type { AnswerKind, LearnedPolicy } from "./types.js";

/** Which answer the classifier gives, how it was reached, and its raw (uncalibrated) confidence. */
export interface Answer {
  readonly kind: AnswerKind;
  /** The rules' decision, or the model's turned into one; undefined for UNKNOWN. */
  readonly decision: Decision | undefined;
  readonly raw: number;
}

/** Evidence from the platform's structured facts (status field, flow, container, queue, …), not from text. */
const restsOnFacts = (decision: Decision): boolean =>
  decision.evidence.some((item) => item.source !== "message" && item.source !== "stack");

/** Whether the rules' decision is firm enough that the model is not even asked. */
export const isFirm = (decision: Decision | undefined, policy: LearnedPolicy): boolean =>
  decision !== undefined && (restsOnFacts(decision) || decision.confidence >= policy.override.below);

/**
 * The model answers only from at least this many features it knows, one of them weighing for its cause: a bare
 * "Error" or "[object Object]" is UNKNOWN, however the corpus's causes happen to be spread.
 */
export const MIN_SUPPORT = 3;

/**
 * On a text that reports an outcome the model is heard only when the text also names a failure, and then only from
 * this probability up: "processing 500 records took 503 ms", "completed with warnings", "order 401 processed" and
 * "record 7 was skipped" name no failure, and whatever the model guesses for them is noise.
 */
export const OUTCOME_MIN_PROBABILITY = 0.5;

/** Placeholders (`_num_`, `_url_`…) say where a value was, not what failed. */
const isPlaceholder = (token: string): boolean => token.startsWith("_") && !token.includes(" ");

/**
 * One word is no answer: "options: { timeout: 30000 }" names a setting, not a timeout. The words weighing for the
 * model's cause must be at least two (a pair of words counts as two).
 */
const hasWordsFor = (prediction: LearnedPrediction): boolean =>
  prediction.tokens
    .filter((token) => !isPlaceholder(token))
    .join(" ")
    .split(" ").length >= 2;

const learnedDecision = (prediction: LearnedPrediction): Decision => ({
  cause: prediction.cause,
  confidence: prediction.probability,
  evidence: [{ signal: "learnedTokens", source: "message", value: prediction.tokens.join(", ") }],
});

/**
 * Precedence between the rules and the learned model, top to bottom:
 * 1. A rule decision resting on a structured fact, or with raw confidence ≥ `override.below`, stands; the model is
 *    not consulted (see `isFirm`).
 * * 2. A weak rule decision stands unless the model names another known cause with probability ≥ `override.threshold`.
 * 3. No rule decision: the model's cause when its probability is ≥ `threshold`.
 * The model is only heard when it knows `MIN_SUPPORT` features of the text and names a cause other than UNKNOWN,
 * and on a text that reports an outcome only when it names a failure, from `OUTCOME_MIN_PROBABILITY` up.
 * 4. Otherwise UNKNOWN; its raw confidence is the model's probability that the cause is UNKNOWN (0 without text).
 */
export const combine = (
  decision: Decision | undefined,
  prediction: LearnedPrediction | undefined,
  policy: LearnedPolicy,
): Answer => {
  if (decision !== undefined && isFirm(decision, policy))
    return { kind: "rule", decision, raw: decision.confidence };
  const usable =
    prediction !== undefined &&
    prediction.cause !== "UNKNOWN" &&
    prediction.support >= MIN_SUPPORT &&
    (!prediction.reportsOutcome ||
      (prediction.namesFailure && prediction.probability >= OUTCOME_MIN_PROBABILITY)) &&
    hasWordsFor(prediction);
  if (decision !== undefined) {
    return usable &&
      prediction.cause !== decision.cause &&
      prediction.probability >= policy.override.threshold
      ? { kind: "learned", decision: learnedDecision(prediction), raw: prediction.probability }
      : { kind: "rule", decision, raw: decision.confidence };
  }
  if (usable && prediction.probability >= policy.threshold)
    return { kind: "learned", decision: learnedDecision(prediction), raw: prediction.probability };
  return { kind: "unknown", decision: undefined, raw: prediction?.unknownProbability ?? 0 };
};
