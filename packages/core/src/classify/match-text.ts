import { literalPrefixes, PREFIX_LENGTH, prefixKey, splitAlternatives } from "./literal-prefixes.js";
import { CASE_SENSITIVE_SIGNALS, TEXT_SIGNALS, type TextSignal } from "./text-signals.js";

/** One signal found in a text, with the text it matched. */
export interface TextMatch {
  readonly signal: TextSignal;
  readonly text: string;
}

/** One alternative of a signal's pattern, with its place in the table (strongest signal first, then as written). */
interface Alternative {
  readonly signal: TextSignal;
  readonly source: string;
  readonly order: number;
}

/** Alternatives in one RegExp, one capturing group each, in table order: the first that matches at a place wins. */
interface Compiled {
  readonly regex: RegExp;
  readonly alternatives: readonly Alternative[];
}

/** One place a signal matched, before nested and repeated matches are dropped. */
interface RawMatch {
  readonly signal: TextSignal;
  readonly index: number;
  readonly text: string;
  readonly order: number;
}

const capturingGroups = (pattern: string): number => (new RegExp(`${pattern}|`).exec("")?.length ?? 1) - 1;

/**
 * V8 does not optimise a regular expression whose source is longer than 20 KB (`kRegExpTooLargeToOptimize`): an
 * alternation is kept under this many pattern characters.
 */
const MAX_ALTERNATION_LENGTH = 10_000;

const compileAlternatives = (alternatives: readonly Alternative[], flags: string, prefix = ""): Compiled => ({
  regex: new RegExp(`${prefix}(?:${alternatives.map(({ source }) => `(${source})`).join("|")})`, flags),
  alternatives,
});

/** Alternations of at most `MAX_ALTERNATION_LENGTH` pattern characters, each tried at every start of a word. */
const compileScanning = (alternatives: readonly Alternative[], flags: string): Compiled[] => {
  const parts: Alternative[][] = [];
  let length = Number.POSITIVE_INFINITY;
  for (const alternative of alternatives) {
    if (length + alternative.source.length > MAX_ALTERNATION_LENGTH) {
      parts.push([]);
      length = 0;
    }
    (parts[parts.length - 1] as Alternative[]).push(alternative);
    length += alternative.source.length;
  }
  // Positions inside a word are rejected by one look-behind before any alternative is tried.
  return parts.map((part) => compileAlternatives(part, flags, "(?<![\\w])"));
};

/**
 * A table of signals, compiled for speed. Almost every alternative can only start with a few known strings of
 * `PREFIX_LENGTH` characters; those alternatives are grouped by that prefix in small sticky expressions, and at
 * each start of a word only the group of the text's next three characters is tried. The few alternatives whose
 * start cannot be told are scanned as one alternation, as every alternative once was: V8 tries an alternation's
 * alternatives one by one at each position, so trying only the right group is most of the speed.
 */
interface SignalIndex {
  readonly byPrefix: ReadonlyMap<number, Compiled>;
  /** A bit for each all-ASCII key of `byPrefix`: most starts of words are ruled out without a map lookup. */
  readonly asciiKeys: Uint8Array;
  readonly scanning: readonly Compiled[];
}

/** All-ASCII prefix keys are below this (`prefixKey`: seven bits a code unit). */
const ASCII_KEYS = 1 << (7 * PREFIX_LENGTH);

const asciiKeySet = (keys: Iterable<number>): Uint8Array => {
  const bits = new Uint8Array(ASCII_KEYS >> 3);
  for (const key of keys)
    if (key < ASCII_KEYS) bits[key >> 3] = (bits[key >> 3] as number) | (1 << (key & 7));
  return bits;
};

const alternativesOf = (table: readonly TextSignal[]): Alternative[] => {
  const signals = [...table].sort((a, b) => b.score - a.score);
  for (const signal of signals) {
    if (capturingGroups(signal.pattern) !== 0) {
      throw new Error(`text signal ${signal.name}: pattern must not have capturing groups`);
    }
  }
  return signals
    .flatMap((signal) => splitAlternatives(signal.pattern).map((source) => ({ signal, source })))
    .map((alternative, order) => ({ ...alternative, order }));
};

const indexSignals = (table: readonly TextSignal[], flags: string): SignalIndex => {
  const byPrefix = new Map<number, Alternative[]>();
  const scanning: Alternative[] = [];
  for (const alternative of alternativesOf(table)) {
    const prefixes = literalPrefixes(alternative.source);
    if (prefixes === undefined) scanning.push(alternative);
    else for (const key of prefixes) byPrefix.set(key, [...(byPrefix.get(key) ?? []), alternative]);
  }
  return {
    byPrefix: new Map(
      [...byPrefix].map(([key, alternatives]) => [key, compileAlternatives(alternatives, `${flags}y`)]),
    ),
    asciiKeys: asciiKeySet(byPrefix.keys()),
    scanning: compileScanning(scanning, `${flags}g`),
  };
};

const INSENSITIVE = indexSignals(TEXT_SIGNALS, "i");
const SENSITIVE = {
  byPrefix: new Map(),
  asciiKeys: asciiKeySet([]),
  scanning: compileScanning(alternativesOf(CASE_SENSITIVE_SIGNALS), "g"),
};

const matchOf = (match: RegExpExecArray, compiled: Compiled): RawMatch => {
  let group = 1;
  while (match[group] === undefined) group += 1;
  const { signal, order } = compiled.alternatives[group - 1] as Alternative;
  return { signal, index: match.index, text: match[0], order };
};

const foldAscii = (code: number): number => (code >= 97 && code <= 122 ? code - 32 : code);

const isWordUnit = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** `prefixKey` of the three code units at `at`, without an array per place and with ASCII folded in place. */
const textPrefixKey = (text: string, at: number): number => {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if ((a | b | c) >= 128) return prefixKey([a, b, c]);
  return (foldAscii(a) << 14) | (foldAscii(b) << 7) | foldAscii(c);
};

const prefixMatches = (text: string, index: SignalIndex, raw: RawMatch[]): void => {
  if (index.byPrefix.size === 0) return;
  const { asciiKeys } = index;
  let afterWordUnit = false;
  for (let at = 0, last = text.length - PREFIX_LENGTH; at <= last; at += 1) {
    const startsWord = !afterWordUnit;
    afterWordUnit = isWordUnit(text.charCodeAt(at));
    if (!startsWord) continue;
    const key = textPrefixKey(text, at);
    if (key < ASCII_KEYS && ((asciiKeys[key >> 3] as number) & (1 << (key & 7))) === 0) continue;
    const compiled = index.byPrefix.get(key);
    if (compiled === undefined) continue;
    compiled.regex.lastIndex = at;
    const match = compiled.regex.exec(text);
    if (match !== null) raw.push(matchOf(match, compiled));
  }
};

const scanningMatches = (text: string, index: SignalIndex, raw: RawMatch[]): void => {
  for (const compiled of index.scanning) {
    const { regex } = compiled;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      raw.push(matchOf(match, compiled));
      // Resume just after the start, not the end, so a signal that starts inside this match is found too.
      regex.lastIndex = match.index + 1;
    }
  }
};

/** Every place an alternative matched: at each place, the first alternative in table order. */
const rawMatches = (text: string, index: SignalIndex): RawMatch[] => {
  const raw: RawMatch[] = [];
  prefixMatches(text, index, raw);
  const found = raw.length;
  scanningMatches(text, index, raw);
  // Prefix matches come in order of place, at most one a place; only scanning adds matches out of order.
  return raw.length === found ? raw : raw.sort((a, b) => a.index - b.index || a.order - b.order);
};

const scan = (text: string, index: SignalIndex, found: TextMatch[]): void => {
  let coveredUntil = -1;
  let coveredCause = "";
  let lastIndex = -1;
  for (const { signal, index: at, text: matched } of rawMatches(text, index)) {
    if (at === lastIndex) continue; // one signal per place
    lastIndex = at;
    const end = at + matched.length;
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
  [INSENSITIVE, SENSITIVE].flatMap((index) => [
    ...[...index.byPrefix.values()].map((compiled) => compiled.regex.source),
    ...index.scanning.map((compiled) => compiled.regex.source),
  ]);

/** The signals found in a text, each once (the first place it matched), in the order of discovery. */
export const matchText = (text: string): TextMatch[] => {
  const found: TextMatch[] = [];
  if (text.length === 0) return found;
  scan(text, INSENSITIVE, found);
  scan(text, SENSITIVE, found);
  return found;
};
