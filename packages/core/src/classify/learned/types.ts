import type { Cause } from "../../taxonomy/taxonomy.js";

/** A monotone map from a raw confidence to the accuracy observed at it: points (raw, accuracy) in rising order. */
export type CalibrationCurve = readonly (readonly [number, number])[];

/** How the classifier's answer was reached; each kind has its own calibration. */
export type AnswerKind = "rule" | "learned" | "unknown";

/** When the learned model's answer is used: the precedence knobs chosen by cross-validation. */
export interface LearnedPolicy {
  /** The rules found nothing: the model answers when its probability is at least this. */
  readonly threshold: number;
  /** The rules' answer is weak (raw confidence below `below`): the model replaces it at `threshold` or above. */
  readonly override: { readonly below: number; readonly threshold: number };
}

/** The generated model as written by `accuracy/train.ts`: compact text, parsed once at load. */
export interface RawModel {
  readonly trainedOn: number;
  readonly causes: readonly Cause[];
  readonly bias: readonly number[];
  /** Feature names, one a line, in the order of `weights`. */
  readonly features: string;
  /** Per feature (`;` between features): the non-zero weights as `causeIndex:weight`, `,` between them. */
  readonly weights: string;
  readonly policy: LearnedPolicy;
  readonly calibration: { readonly [K in AnswerKind]: CalibrationCurve };
}
