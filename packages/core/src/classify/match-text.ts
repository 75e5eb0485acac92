import { CASE_SENSITIVE_SIGNALS, TEXT_SIGNALS, type TextSignal } from "./text-signals.js";

/** One signal found in a text, with the text it matched. */
export interface TextMatch {
  readonly signal: TextSignal;
  readonly text: string;
}

interface CompiledSignals {
  readonly regex: RegExp;
  readonly signals: readonly TextSignal[];
}

const capturingGroups = (pattern: string): number => (new RegExp(`${pattern}|`).exec("")?.length ?? 1) - 1;

/**
 * All signals of a table in one alternation, one capturing group per signal, so a text is scanned once.
 * Stronger signals come first: where two start at the same place, the more specific one is the one reported.
 */
const compile = (table: readonly TextSignal[], flags: string): CompiledSignals => {
  const signals = [...table].sort((a, b) => b.score - a.score);
  for (const signal of signals) {
    if (capturingGroups(signal.pattern) !== 0) {
      throw new Error(`text signal ${signal.name}: pattern must not have capturing groups`);
    }
  }
  // Positions inside a word are rejected by one look-behind before any alternative is tried: most of the speed.
  const alternatives = signals.map((signal) => `(${signal.pattern})`).join("|");
  return { regex: new RegExp(`(?<![\\w])(?:${alternatives})`, flags), signals };
};

const INSENSITIVE = compile(TEXT_SIGNALS, "gi");
const SENSITIVE = compile(CASE_SENSITIVE_SIGNALS, "g");

const scan = (text: string, compiled: CompiledSignals, found: TextMatch[]): void => {
  const { regex, signals } = compiled;
  let coveredUntil = -1;
  let coveredCause = "";
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    let group = 1;
    while (match[group] === undefined) group += 1;
    const signal = signals[group - 1];
    const end = match.index + match[0].length;
    // A weaker signal nested in a match for the same cause ("timed out" in "request timed out") is not a second witness.
    const nested = end <= coveredUntil && signal?.cause === coveredCause;
    if (signal !== undefined && !nested && !found.some((seen) => seen.signal === signal)) {
      found.push({ signal, text: match[0] });
      if (end > coveredUntil) {
        coveredUntil = end;
        coveredCause = signal.cause;
      }
    }
    // Resume just after the start, not the end, so a signal that starts inside this match is found too.
    regex.lastIndex = match.index + 1;
  }
};

/** The signals found in a text, each once (the first place it matched), in the order of discovery. */
export const matchText = (text: string): TextMatch[] => {
  const found: TextMatch[] = [];
  if (text.length === 0) return found;
  scan(text, INSENSITIVE, found);
  scan(text, SENSITIVE, found);
  return found;
};
