import { type Candidate, candidate } from "./candidate.js";
import { READ_OF_NOTHING } from "./data-and-code-signals.js";
import type { TextMatch } from "./match-text.js";
import { SCORES } from "./scores.js";
import { CODE_ERROR_CLASS, readStack } from "./stack-frames.js";
import type { EvidenceSource } from "./types.js";

/** Candidates from the signals matched in one text. */
export const textCandidates = (matches: readonly TextMatch[], source: EvidenceSource): Candidate[] =>
  matches.map(({ signal, text }) =>
    candidate(signal.cause, signal.score, { signal: signal.name, source, value: text }),
  );

const READ_OF_NOTHING_IN_TEXT = new RegExp(READ_OF_NOTHING, "i");

/**
 * A code error (TypeError, ReferenceError, NullPointerException…) thrown from a frame in the component's own
 * files is the component's defect; frames only in node_modules or runtime internals do not blame it, and a
 * library that read a property of nothing was most likely reading an answer that lacked it.
 */
export const stackCandidates = (text: string): Candidate[] => {
  // Every class name ends in "Error" or "Exception": a plain search rules most texts out before the expression runs.
  if (
    !text.includes("\n") ||
    !(text.includes("Error") || text.includes("Exception")) ||
    !CODE_ERROR_CLASS.test(text)
  )
    return [];
  const { ownFrame, frames } = readStack(text);
  if (ownFrame === undefined) {
    const read = frames > 0 ? READ_OF_NOTHING_IN_TEXT.exec(text) : null;
    return read === null
      ? []
      : [
          candidate("ANSWER_STRUCTURE", SCORES.libraryReadOfNothing, {
            signal: "libraryReadOfNothing",
            source: "stack",
            value: read[0],
          }),
        ];
  }
  return [
    candidate("COMPONENT_ERROR", SCORES.ownStackFrame, {
      signal: "ownStackFrame",
      source: "stack",
      value: ownFrame,
    }),
  ];
};
