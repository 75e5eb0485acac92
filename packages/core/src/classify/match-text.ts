import { CASE_SENSITIVE_SIGNALS, TEXT_SIGNALS, type TextSignal } from "./text-signals.js";

/** One signal found in a text, with the text it matched. */
export interface TextMatch {
  readonly signal: TextSignal;
  readonly text: string;
}

interface CompiledSignals {
  readonly regex: RegExp;
  /** The signals of the regex's capturing groups, in group order. */
  readonly signals: readonly TextSignal[];
}

/** One place a signal matched, before nested and repeated matches are dropped. */
interface RawMatch {
  readonly signal: TextSignal;
  readonly index: number;
  readonly text: string;
  /** Rank in the table (strongest first): at one place, the lower rank wins. */
  readonly rank: number;
}

const capturingGroups = (pattern: string): number => (new RegExp(`${pattern}|`).exec("")?.length ?? 1) - 1;

/**
 * V8 does not optimise a regular expression whose source is longer than 20 KB (`kRegExpTooLargeToOptimize`): one
 * alternation of every signal then scans about fifteen times slower than the same signals split in parts. A table is
 * split into alternations of at most this many pattern characters.
 */
const MAX_ALTERNATION_LENGTH = 10_000;

/**
 * All signals of a table in a few alternations, one capturing group per signal, stronger signals first: where two
 * start at the same place, the more specific one is the one reported.
 */
const compile = (table: readonly TextSignal[], flags: string): CompiledSignals[] => {
  const signals = [...table].sort((a, b) => b.score - a.score);
  for (const signal of signals) {
    if (capturingGroups(signal.pattern) !== 0) {
      throw new Error(`text signal ${signal.name}: pattern must not have capturing groups`);
    }
  }
  const parts: TextSignal[][] = [[]];
  let length = 0;
  for (const signal of signals) {
    const part = parts[parts.length - 1] as TextSignal[];
    if (part.length > 0 && length + signal.pattern.length > MAX_ALTERNATION_LENGTH) {
      parts.push([signal]);
      length = signal.pattern.length;
    } else {
      part.push(signal);
      length += signal.pattern.length;
    }
  }
  // Positions inside a word are rejected by one look-behind before any alternative is tried: most of the speed.
  return parts.map((part) => ({
    regex: new RegExp(`(?<![\\w])(?:${part.map((signal) => `(${signal.pattern})`).join("|")})`, flags),
    signals: part,
  }));
};

const rankedTable = (table: readonly TextSignal[], flags: string) => {
  const compiled = compile(table, flags);
  const rank = new Map(compiled.flatMap((part) => part.signals).map((signal, at) => [signal, at]));
  return { compiled, rank };
};

const INSENSITIVE = rankedTable(TEXT_SIGNALS, "gi");
const SENSITIVE = rankedTable(CASE_SENSITIVE_SIGNALS, "g");

const rawMatches = (text: string, table: ReturnType<typeof rankedTable>): RawMatch[] => {
  const raw: RawMatch[] = [];
  for (const { regex, signals } of table.compiled) {
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      let group = 1;
      while (match[group] === undefined) group += 1;
      const signal = signals[group - 1] as TextSignal;
      raw.push({ signal, index: match.index, text: match[0], rank: table.rank.get(signal) as number });
      // Resume just after the start, not the end, so a signal that starts inside this match is found too.
      regex.lastIndex = match.index + 1;
    }
  }
  return raw.sort((a, b) => a.index - b.index || a.rank - b.rank);
};

const scan = (text: string, table: ReturnType<typeof rankedTable>, found: TextMatch[]): void => {
  let coveredUntil = -1;
  let coveredCause = "";
  let lastIndex = -1;
  for (const { signal, index, text: matched } of rawMatches(text, table)) {
    if (index === lastIndex) continue; // one signal per place, as one alternation reports it
    lastIndex = index;
    const end = index + matched.length;
    // A weaker signal nested in a match for the same cause ("timed out" in "request timed out") is not a second witness.
    const nested = end <= coveredUntil && signal.cause === coveredCause;
    if (!nested && !found.some((seen) => seen.signal === signal)) {
      found.push({ signal, text: matched });
      if (end > coveredUntil) {
        coveredUntil = end;
        coveredCause = signal.cause;
      }
    }
  }
};

/** The sources of the compiled alternations, for tests. */
export const alternationSources = (): string[] =>
  [INSENSITIVE, SENSITIVE].flatMap((table) => table.compiled.map((part) => part.regex.source));

/** The signals found in a text, each once (the first place it matched), in the order of discovery. */
export const matchText = (text: string): TextMatch[] => {
  const found: TextMatch[] = [];
  if (text.length === 0) return found;
  scan(text, INSENSITIVE, found);
  scan(text, SENSITIVE, found);
  return found;
};
