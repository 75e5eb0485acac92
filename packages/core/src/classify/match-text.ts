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
  return { regex: new RegExp(signals.map((signal) => `(${signal.pattern})`).join("|"), flags), signals };
};

const INSENSITIVE = compile(TEXT_SIGNALS, "gi");
const SENSITIVE = compile(CASE_SENSITIVE_SIGNALS, "g");

const scan = (text: string, compiled: CompiledSignals, found: TextMatch[]): void => {
  const { regex, signals } = compiled;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    let group = 1;
    while (match[group] === undefined) group += 1;
    const signal = signals[group - 1];
    if (signal !== undefined && !found.some((seen) => seen.signal === signal)) {
      found.push({ signal, text: match[0] });
    }
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
