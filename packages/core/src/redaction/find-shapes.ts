import { type Keyword, keywordToken } from "./keyword-trigger.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_SHAPES, type SecretShape } from "./secret-shapes.js";
import type { SecretSpan } from "./secret-span.js";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

interface CompiledShape {
  readonly shape: SecretShape;
  readonly pattern: RegExp;
  /** The keywords as the trigger reports them. */
  readonly tokens: readonly string[];
  /** The shape's `near` words, in any case. */
  readonly near: RegExp | undefined;
}

// A shape's keywords are found in any case when its pattern ignores case or they are words near the match;
// otherwise as written, since the pattern would not match them in another case.
const keywordsOf = (shape: SecretShape): Keyword[] =>
  shape.keywords.map((text) => ({
    text,
    caseSensitive: !shape.pattern.ignoreCase && shape.near === undefined,
  }));

// Own copies of the patterns, with match indices: the exported catalogue's RegExp objects can be used (and
// their lastIndex moved) by anyone. Compiled once; each scan starts by resetting lastIndex.
const COMPILED: readonly CompiledShape[] = SECRET_SHAPES.map((shape) => ({
  shape,
  pattern: new RegExp(shape.pattern.source, `${shape.pattern.flags.replace(/[gdy]/g, "")}gd`),
  tokens: keywordsOf(shape).map(keywordToken),
  near: shape.near === undefined ? undefined : new RegExp(shape.near.map(escapeRegExp).join("|"), "gi"),
}));

/** Every keyword of every shape. */
export const SHAPE_KEYWORDS: readonly Keyword[] = SECRET_SHAPES.flatMap(keywordsOf);

/** The first index in sorted `positions` that is ≥ `at`. */
const firstAtOrAfter = (positions: readonly number[], at: number): number => {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((positions[middle] ?? 0) < at) low = middle + 1;
    else high = middle;
  }
  return low;
};

const positionsOf = (text: string, pattern: RegExp): number[] => {
  const positions: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    positions.push(match.index);
    if (match[0].length > 1) positions.push(match.index + match[0].length - 1);
  }
  return positions;
};

// What separates the stretches of text a near word counts in: line breaks, and markers, since a masked span
// may have held line breaks (a private key) that redacting joins.
const SEPARATOR = new RegExp(`\\n|${REDACTION_MARKER.replace(/[[\]]/g, "\\$&")}`, "g");

/**
 * Whether one of `words` is in the stretch of text of `[from, to)`: its line, cut at markers. Not a distance:
 * redaction shortens and lengthens text, so a distance would change between passes; a stretch only gets cut, so
 * redacting twice masks nothing new. Word and separator positions are found once per text and searched by
 * bisection: linear time overall.
 */
const nearTester = (text: string, words: RegExp) => {
  let breaks: number[] | undefined;
  let found: number[] | undefined;
  return (from: number, to: number): boolean => {
    breaks ??= positionsOf(text, SEPARATOR);
    found ??= positionsOf(text, words);
    const lineStart = (breaks[firstAtOrAfter(breaks, from) - 1] ?? -1) + 1;
    const lineEnd = breaks[firstAtOrAfter(breaks, to)] ?? text.length;
    const word = found[firstAtOrAfter(found, lineStart)];
    return word !== undefined && word < lineEnd;
  };
};

// Letters and digits of any script, and `_ . ~ -`: what token, key-name and label patterns refuse to start after.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isTokenCode = (code: number): boolean =>
  (code >= 48 && code <= 57) ||
  (code >= 65 && code <= 90) ||
  (code >= 97 && code <= 122) ||
  code === 95 ||
  code === 46 ||
  code === 126 ||
  code === 45 ||
  (code > 127 && LETTER_OR_DIGIT.test(String.fromCharCode(code)));

const findShape = (text: string, compiled: CompiledShape, spans: SecretSpan[]): void => {
  const { shape, pattern } = compiled;
  const isNear = compiled.near === undefined ? undefined : nearTester(text, compiled.near);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === "") {
      pattern.lastIndex += 1;
      continue;
    }
    const [from, end] = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
    if (shape.accept !== undefined && !shape.accept(text.slice(from, end))) continue;
    if (isNear !== undefined && !isNear(match.index, pattern.lastIndex)) continue;
    // A match that stops inside a token (a bounded quantifier ran out, or tokens are glued together) takes the
    // rest of it: no tail stays visible, and the marker's `]` never becomes a boundary where there was none, so a
    // second pass finds nothing new.
    let to = end;
    while (to < text.length && isTokenCode(text.charCodeAt(to))) to += 1;
    pattern.lastIndex = Math.max(pattern.lastIndex, to);
    spans.push({ from, to, kind: shape.id });
  }
};

// For each keyword, the shapes it lets run (by position in the catalogue); the shapes without keywords always run.
const SHAPES_BY_TOKEN = new Map<string, number[]>();
COMPILED.forEach((compiled, index) => {
  for (const token of compiled.tokens)
    SHAPES_BY_TOKEN.set(token, [...(SHAPES_BY_TOKEN.get(token) ?? []), index]);
});
const ALWAYS = COMPILED.flatMap((compiled, index) => (compiled.tokens.length === 0 ? [index] : []));

/**
 * Where the credentials recognisable by shape are ({@link SECRET_SHAPES}), given the keywords the text holds:
 * only shapes with a keyword present (or with none) run, in catalogue order.
 */
export const findShapes = (text: string, present: ReadonlySet<string>): SecretSpan[] => {
  const spans: SecretSpan[] = [];
  const run = new Set(ALWAYS);
  for (const token of present) for (const index of SHAPES_BY_TOKEN.get(token) ?? []) run.add(index);
  for (const index of [...run].sort((a, b) => a - b)) {
    const compiled = COMPILED[index];
    if (compiled !== undefined) findShape(text, compiled, spans);
  }
  return spans;
};
