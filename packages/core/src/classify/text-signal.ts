import type { Cause } from "../taxonomy/taxonomy.js";

/**
 * A family of texts that points to one cause. `pattern` is a RegExp source without capturing groups; every
 * alternative must start at the start of a word (the scanner skips positions inside words).
 */
export interface TextSignal {
  readonly name: string;
  readonly cause: Cause;
  readonly score: number;
  readonly pattern: string;
}

/** One signal from its name, cause, score and alternatives (joined with `|`). */
export const sig = (name: string, cause: Cause, score: number, ...alternatives: string[]): TextSignal => ({
  name,
  cause,
  score,
  pattern: alternatives.join("|"),
});
