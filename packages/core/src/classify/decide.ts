import { CAUSES, type Cause } from "../taxonomy/taxonomy.js";
import type { Candidate } from "./candidate.js";
import { SCORES } from "./scores.js";
import type { Evidence } from "./types.js";

/** The winning cause, how sure we are, and the evidence for it. */
export interface Decision {
  readonly cause: Cause;
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
}

interface Tally {
  best: number;
  readonly candidates: Candidate[];
}

/** Each extra distinct signal for the same cause adds a little confidence. */
const CORROBORATION = 0.02;
/** A rival cause this close to the winner makes the verdict less certain. */
const CONTESTED_MARGIN = 4;
const CONTESTED_PENALTY = 0.05;
const MAX_CONFIDENCE = 0.99;

const tally = (candidates: readonly Candidate[]): Map<Cause, Tally> => {
  const byCause = new Map<Cause, Tally>();
  for (const item of candidates) {
    const entry = byCause.get(item.cause);
    if (entry === undefined) byCause.set(item.cause, { best: item.score, candidates: [item] });
    else {
      entry.best = Math.max(entry.best, item.score);
      entry.candidates.push(item);
    }
  }
  return byCause;
};

/** Higher best score wins; then more signals; then the taxonomy's order, so the result is deterministic. */
const beats = (a: [Cause, Tally], b: [Cause, Tally]): boolean => {
  if (a[1].best !== b[1].best) return a[1].best > b[1].best;
  if (a[1].candidates.length !== b[1].candidates.length)
    return a[1].candidates.length > b[1].candidates.length;
  return CAUSES.indexOf(a[0]) < CAUSES.indexOf(b[0]);
};

const distinctEvidence = (candidates: readonly Candidate[]): Evidence[] => {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const evidence: Evidence[] = [];
  for (const { evidence: item } of sorted) {
    if (!evidence.some((seen) => seen.signal === item.signal && seen.source === item.source))
      evidence.push(item);
  }
  return evidence;
};

/** Picks the cause of the best-scored signal; `undefined` when no signal reaches the threshold. */
export const decide = (candidates: readonly Candidate[]): Decision | undefined => {
  let winner: [Cause, Tally] | undefined;
  let runnerUp: [Cause, Tally] | undefined;
  for (const entry of tally(candidates)) {
    if (winner === undefined || beats(entry, winner)) {
      runnerUp = winner;
      winner = entry;
    } else if (runnerUp === undefined || beats(entry, runnerUp)) runnerUp = entry;
  }
  if (winner === undefined || winner[1].best < SCORES.threshold) return undefined;
  const evidence = distinctEvidence(winner[1].candidates);
  let confidence = winner[1].best / 100 + CORROBORATION * (evidence.length - 1);
  if (runnerUp !== undefined && runnerUp[1].best >= winner[1].best - CONTESTED_MARGIN)
    confidence -= CONTESTED_PENALTY;
  confidence = Math.round(Math.min(MAX_CONFIDENCE, confidence) * 100) / 100;
  return { cause: winner[0], confidence, evidence };
};
