import type { Cause } from "../taxonomy/taxonomy.js";
import type { Evidence, EvidenceSource } from "./types.js";

/** One signal voting for one cause with a score (0..100); the decision picks the best-scored cause. */
export interface Candidate {
  readonly cause: Cause;
  readonly score: number;
  readonly evidence: Evidence;
}

const MAX_VALUE_LENGTH = 160;
/** Raw values are kept a little longer than shown, so a secret cut at the edge is still recognised by redaction. */
const MAX_RAW_LENGTH = 400;
const NEEDS_FOLDING = /\s\s|[\t\n\r\f\v]/;

/** Evidence text kept short and on one line, so it stays readable in tickets and logs. */
export const clipValue = (value: string): string => {
  const oneLine = NEEDS_FOLDING.test(value) ? value.replace(/\s+/g, " ").trim() : value.trim();
  return oneLine.length <= MAX_VALUE_LENGTH ? oneLine : `${oneLine.slice(0, MAX_VALUE_LENGTH - 1)}…`;
};

export const candidate = (
  cause: Cause,
  score: number,
  evidence: { signal: string; source: EvidenceSource; value: string },
): Candidate => ({ cause, score, evidence: { ...evidence, value: evidence.value.slice(0, MAX_RAW_LENGTH) } });
