import { redactSecrets } from "../redaction/redact-secrets.js";
import { CAUSE_INFO } from "../taxonomy/taxonomy.js";
import { type Candidate, clipValue } from "./candidate.js";
import { contextCandidates, queueFill } from "./context-candidates.js";
import { type Decision, decide } from "./decide.js";
import { fieldCandidates } from "./field-candidates.js";
import { calibrate } from "./learned/calibrate.js";
import { combine, isFirm } from "./learned/combine.js";
import { withoutLogEnvelope } from "./learned/log-envelope.js";
import { type LearnedModel, type LearnedPrediction, learnedModel, predictWith } from "./learned/predict.js";
import { matchText, type TextMatch } from "./match-text.js";
import { type ReadInput, readInput } from "./read-input.js";
import { scanWindow } from "./scan-window.js";
import { withoutFrames } from "./stack-frames.js";
import {
  causeBehindStatus,
  reattributeThrottling,
  statusFieldCandidates,
  statusTextCandidates,
} from "./status-candidates.js";
import type { TooManyRequestsHints } from "./status-code.js";
import { stackCandidates, textCandidates } from "./text-candidates.js";
import type { Classification, ErrorContext, ErrorInput, Evidence } from "./types.js";

const WEBHOOK_TEXT = /webhook|\/hook\//i;

/** Evidence that quotes free text from outside: a credential's failure reason, a container's reason. */
const FREE_TEXT_SIGNALS: ReadonlySet<string> = new Set([
  "credentialRejected",
  "containerOomExit",
  "containerFailedExit",
]);
/** Text matches are short fixed phrases unless a pattern spans arbitrary text; only those can hold a secret. */
const MAX_PHRASE_LENGTH = 40;

const mayHoldSecret = (item: Evidence): boolean =>
  FREE_TEXT_SIGNALS.has(item.signal) ||
  (item.value.length > MAX_PHRASE_LENGTH && item.signal !== "ownStackFrame");

/** Evidence leaves the classifier redacted and clipped: values can quote a credential's failure reason or a log line. */
const presentable = (evidence: readonly Evidence[]): Evidence[] =>
  evidence.map((item) => ({
    ...item,
    value: clipValue(mayHoldSecret(item) ? redactSecrets(item.value) : item.value),
  }));

const toClassification = ({ cause, confidence, evidence }: Decision): Classification => {
  const info = CAUSE_INFO[cause];
  return {
    level: info.level,
    cause,
    confidence,
    evidence: presentable(evidence),
    title: info.title,
    remedy: info.remedy,
    docsUrl: info.docsUrl,
    retryable: info.retryable,
  };
};

const hasSignal = (matches: readonly TextMatch[], ...names: string[]): boolean =>
  matches.some((match) => names.includes(match.signal.name));

const NO_HINTS: TooManyRequestsHints = { queueFull: false, platformQuota: false, webhook: false };

/** Hints only matter where a 429 or throttling words appear; most texts skip the work. */
const hintsFor = (read: ReadInput, text: string, matches: readonly TextMatch[]): TooManyRequestsHints => {
  const throttled =
    read.statusCode === 429 || text.includes("429") || matches.some((m) => m.signal.cause === "RATE_LIMITED");
  if (!throttled) return NO_HINTS;
  return {
    queueFull:
      queueFill(read.context.queueStats, read.context) >= 1 ||
      hasSignal(matches, "queueOverflowText", "queueOverflowSuspension"),
    platformQuota: hasSignal(matches, "platformQuota"),
    webhook:
      read.context.webhook === true || WEBHOOK_TEXT.test(read.componentName) || WEBHOOK_TEXT.test(text),
  };
};

const unknownEvidence = (read: ReadInput, scanned: number): Evidence[] => {
  const hasContext = Object.keys(read.context).length > 0;
  const reason =
    scanned === 0 && !hasContext
      ? {
          signal: "emptyInput",
          source: "message" as const,
          value: "no message, stack or context to classify",
        }
      : {
          signal: "noKnownSignal",
          source: "message" as const,
          value: `no known signal in ${scanned} characters${hasContext ? " or in the context" : ""}`,
        };
  return [reason, ...read.notes];
};

const collectCandidates = (read: ReadInput, message: string, stack: string): Candidate[] => {
  const messageText = withoutFrames(message);
  const messageMatches = matchText(messageText);
  const stackMatches =
    stack.length > 0
      ? matchText(withoutFrames(stack)).filter((m) => !hasSignal(messageMatches, m.signal.name))
      : [];
  const allMatches = [...messageMatches, ...stackMatches];
  const hints = hintsFor(read, messageText, allMatches);
  const candidates = [
    ...contextCandidates(read.context as ErrorContext),
    ...statusFieldCandidates(read.statusCode, hints),
    ...statusTextCandidates(messageText, hints),
    ...fieldCandidates(messageText, read.context.stepFields),
    ...textCandidates(messageMatches, "message"),
    ...textCandidates(stackMatches, "stack"),
    ...stackCandidates(stack.length > 0 ? `${message}\n${stack}` : message),
  ];
  return reattributeThrottling(causeBehindStatus(candidates), hints);
};

/** What the rules and the learned model each make of one input, before they are combined. */
export interface ClassifyParts {
  readonly read: ReadInput;
  readonly scanned: number;
  readonly decision: Decision | undefined;
  /** Undefined when the model was not asked (a firm rule decision, or no text). */
  readonly prediction: LearnedPrediction | undefined;
}

/**
 * The text the learned model reads: the same scan windows as the rules, without stack-frame lines and without the
 * envelope of a log line (JSON record, timestamp, level and id prefixes).
 */
export const learnedText = (message: string, stack: string): string => {
  const text = withoutLogEnvelope(withoutFrames(message));
  return stack.length > 0 ? `${text}\n${withoutFrames(stack)}` : text;
};

/** Rules first; the model is only run (and the text only tokenised) when their decision is not firm. */
export const classifyParts = (read: ReadInput, model: LearnedModel, alwaysPredict = false): ClassifyParts => {
  const message = scanWindow(read.message);
  const stack = scanWindow(read.stack);
  const decision = decide(collectCandidates(read, message, stack));
  const scanned = message.length + stack.length;
  const ask = scanned > 0 && (alwaysPredict || !isFirm(decision, model.raw.policy));
  const prediction = ask ? predictWith(model, learnedText(message, stack)) : undefined;
  return { read, scanned, decision, prediction };
};

const classifyRead = (read: ReadInput, model: LearnedModel): Classification => {
  const { scanned, decision, prediction } = classifyParts(read, model);
  const answer = combine(decision, prediction, model.raw.policy);
  const confidence = calibrate(model.raw.calibration[answer.kind], answer.raw);
  if (answer.decision === undefined)
    return toClassification({
      cause: "UNKNOWN",
      confidence: prediction === undefined ? 0 : confidence,
      evidence: unknownEvidence(read, scanned),
    });
  return toClassification({ ...answer.decision, confidence });
};

/** `classifyError` with a given learned model (cross-validation trains its own). */
export const classifyErrorWith = (input: ErrorInput, model: LearnedModel): Classification => {
  try {
    return classifyRead(readInput(input), model);
  } catch {
    // Only hostile inputs get here (getters or proxies that throw); their contents are not echoed back.
    const evidence: Evidence[] = [
      { signal: "unreadableInput", source: "message", value: "the input could not be read" },
    ];
    return toClassification({ cause: "UNKNOWN", confidence: 0, evidence });
  }
};

/**
 * Classifies one error into the troubleshooting taxonomy: pure and deterministic (it never reads the clock;
 * pass `context.now`), explainable (every result lists the signals behind it) and total: it never throws.
 * Empty, huge, binary and non-string messages get a classification, UNKNOWN with confidence 0 when nothing
 * fits, and the evidence then says why (`emptyInput`, `noKnownSignal`, `messageNotText`, `unreadableInput`).
 * Precedence between signals is documented in `scores.ts`.
 *
 * @example
 * classifyError({ message: "Error: Code: 401 Message: Unauthorized Body: {}" }).cause // "INVALID_CREDENTIALS"
 * classifyError({ message: "Component failed to start", context: { containerExit: { state: "Killed", exitCode: 137 } } })
 *   .cause // "OUT_OF_MEMORY"
 */
export const classifyError = (input: ErrorInput): Classification => classifyErrorWith(input, learnedModel());
