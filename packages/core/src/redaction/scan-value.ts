/** Where a secret value sits in a text: mask `[from, to)`, continue scanning at `resume`. */
export interface ValueSpan {
  readonly from: number;
  readonly to: number;
  readonly resume: number;
}

const BACKSLASH = 92;
const QUOTE = 34;

const isLineBreak = (code: number): boolean => code === 10 || code === 13;

/** End of the current line: a raw line break, or an escaped `\n` / `\r` as inside a JSON string. */
export const lineEnd = (text: string, from: number): number => {
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) return i;
    if (code === BACKSLASH && (text[i + 1] === "n" || text[i + 1] === "r")) return i;
  }
  return text.length;
};

/**
 * A string quoted with `quote` whose content starts at `from`, with backslash escapes. Stops at the closing
 * quote; an unterminated string ends at the line break (strings in JSON and JavaScript cannot span lines).
 */
export const scanQuoted = (text: string, from: number, quote: string): ValueSpan => {
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === "\\") {
      i += 1;
    } else if (char === quote) {
      return { from, to: i, resume: i + 1 };
    } else if (char === "\n" || char === "\r") {
      return { from, to: i, resume: i };
    }
  }
  return { from, to: text.length, resume: text.length };
};

/**
 * How deeply a `"` preceded by `run` backslashes is escaped: 0 for a plain quote, 1 for `\"` (JSON inside a
 * JSON string), 2 for `\\\"`, ... Each level of JSON encoding doubles the backslashes and adds one, so the
 * level is the number of trailing one bits of `run`.
 */
export const quoteLevel = (run: number): number => {
  let level = 0;
  for (let rest = run; rest % 2 === 1; rest = (rest - 1) / 2) level += 1;
  return level;
};

/**
 * A string quoted with an escaped quote of `level` ≥ 1 (`\"` for 1: `{\"password\":\"a\\\"b\"}` inside
 * another JSON string), whose content starts at `from`. A quote of the same level closes it; a quote of a lower
 * level closes an enclosing string, so the value ends there too; a quote of a higher level is part of it.
 */
export const scanNestedQuoted = (text: string, from: number, level: number): ValueSpan => {
  const escapes = 2 ** level - 1;
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) return { from, to: i, resume: i };
    if (code === QUOTE) return { from, to: i, resume: i };
    if (code !== BACKSLASH) {
      i += 1;
      continue;
    }
    let run = 0;
    while (text.charCodeAt(i + run) === BACKSLASH) run += 1;
    if (text.charCodeAt(i + run) !== QUOTE) {
      i += run;
      continue;
    }
    const quote = quoteLevel(run);
    if (quote === level) return { from, to: i + run - escapes, resume: i + run + 1 };
    if (quote < level) return { from, to: i + run, resume: i + run };
    i += run + 1;
  }
  return { from, to: text.length, resume: text.length };
};

// Characters that end an unquoted value: `password=abc&next=1`, `pwd=abc; Server=x`, `{ token: abc, ... }`.
const isBareValueEnd = (code: number): boolean =>
  code <= 32 ||
  code === 38 ||
  code === 34 ||
  code === 44 ||
  code === 59 ||
  code === 125 ||
  code === 60 ||
  code === 62;

/** An unquoted value (query parameter, form field, header token) starting at `from`. */
export const scanBare = (text: string, from: number): ValueSpan => {
  let i = from;
  while (i < text.length && !isBareValueEnd(text.charCodeAt(i))) i += 1;
  return { from, to: i, resume: i };
};

/**
 * An object or array starting at `from` (`{` or `[`): everything up to its matching bracket, skipping brackets
 * inside strings. Without a matching bracket it runs to the end of the text, as the secret might.
 */
export const scanContainer = (text: string, from: number): ValueSpan => {
  let depth = 0;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"' && text[i - 1] !== "\\") {
      i = scanQuoted(text, i + 1, '"').resume - 1;
    } else if (char === "{" || char === "[") {
      depth += 1;
    } else if ((char === "}" || char === "]") && --depth === 0) {
      return { from, to: i + 1, resume: i + 1 };
    }
  }
  return { from, to: text.length, resume: text.length };
};
