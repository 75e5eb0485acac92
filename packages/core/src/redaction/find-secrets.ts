import { CoreError } from "../errors.js";
import { findFlagValues } from "./find-flag-values.js";
import { findKeyValues } from "./find-key-values.js";
import { findLabelledValues } from "./find-labels.js";
import { findPrivateKeys } from "./find-private-keys.js";
import { findShapes, SHAPE_KEYWORDS } from "./find-shapes.js";
import { findUrlPasswords } from "./find-url-passwords.js";
import { findXmlValues } from "./find-xml-values.js";
import { createKeywordTrigger } from "./keyword-trigger.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_SHAPES } from "./secret-shapes.js";
import type { SecretSpan } from "./secret-span.js";

const trigger = createKeywordTrigger(SHAPE_KEYWORDS);

// When two spans start together, the longer wins; when they also end together, a shape of the catalogue names
// the span before a key-value, URL password or private key, and an earlier shape before a later one.
const RANK = new Map(SECRET_SHAPES.map((shape, index) => [shape.id, index]));
const rank = (span: SecretSpan): number => RANK.get(span.kind) ?? SECRET_SHAPES.length;

/** The spans sorted, without the ones already masked, overlapping or touching ones joined into one. */
const merge = (text: string, spans: readonly SecretSpan[]): SecretSpan[] => {
  const sorted = spans
    .filter((span) => span.to > span.from && text.slice(span.from, span.to) !== REDACTION_MARKER)
    .sort((a, b) => a.from - b.from || b.to - a.to || rank(a) - rank(b));
  const merged: SecretSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.from <= last.to) {
      if (span.to > last.to) merged[merged.length - 1] = { ...last, to: span.to };
    } else {
      merged.push({ from: span.from, to: span.to, kind: span.kind });
    }
  }
  return merged;
};

/** `text` with each span replaced by the marker. */
export const replaceSpans = (text: string, spans: readonly SecretSpan[]): string => {
  let out = "";
  let copied = 0;
  for (const span of spans) {
    out += text.slice(copied, span.from) + REDACTION_MARKER;
    copied = span.to;
  }
  return out + text.slice(copied);
};

/** One pass of every finder over `text`. */
const detect = (text: string): SecretSpan[] => {
  const found = [
    findPrivateKeys(text),
    findUrlPasswords(text),
    findKeyValues(text),
    findFlagValues(text),
    findXmlValues(text),
    findLabelledValues(text),
    findShapes(text, trigger(text)),
  ];
  const spans = found.flat();
  return spans.length === 0 ? [] : merge(text, spans);
};

/**
 * Spans found in `redacted` (which is `text` with `spans` replaced) as spans of `text`: positions outside the
 * markers move back by what the markers saved; a span that touches a marker takes the whole span it replaced.
 */
const toOriginal = (spans: readonly SecretSpan[], found: readonly SecretSpan[]): SecretSpan[] => {
  // Where each marker sits in the redacted text, and how much shorter the text is after it.
  const starts: number[] = [];
  const ends: number[] = [];
  const saved: number[] = [];
  let total = 0;
  for (const span of spans) {
    starts.push(span.from - total);
    ends.push(span.from - total + REDACTION_MARKER.length);
    total += span.to - span.from - REDACTION_MARKER.length;
    saved.push(total);
  }
  /** How many of the sorted `values` are ≤ `position` (or < it, when `strict`). */
  const count = (values: readonly number[], position: number, strict: boolean): number => {
    let low = 0;
    let high = values.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const value = values[middle] ?? 0;
      if (strict ? value < position : value <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const start = (position: number): number => {
    const before = count(ends, position, false);
    const inside = (starts[before] ?? Number.POSITIVE_INFINITY) <= position;
    return inside ? (spans[before]?.from ?? position) : position + (saved[before - 1] ?? 0);
  };
  const end = (position: number): number => {
    const before = count(ends, position, true);
    const inside = (starts[before] ?? Number.POSITIVE_INFINITY) < position;
    return inside ? (spans[before]?.to ?? position) : position + (saved[before - 1] ?? 0);
  };
  return found.map((span) => ({ from: start(span.from), to: end(span.to), kind: span.kind }));
};

// Masking can make text that a finder reads differently (a marker's brackets next to a word, two lines joined
// where a private key was): spans are looked for again in the redacted text until none are new, so redacting
// twice gives what redacting once gives. Text without secrets takes one pass; text with them, usually two.
const MAX_PASSES = 4;

/**
 * Where the secrets in `text` are are, in order and apart: each span's characters are what {@link redactSecrets}
 * replaces with {@link REDACTION_MARKER}, and nothing else is (`redactSecrets(text)` is `text` with exactly these
 * spans replaced). `kind` is the id of a shape of {@link SECRET_SHAPES}, or `key-value`, `url-password` or
 * `private-key` (see {@link SecretSpan}); when several findings overlap they become one span, named after the
 * one that starts first (the longer, then the more specific, when they start together). A marker already in
 * the text is not reported again. Runs in time linear in the text's length. Throws `CORE_INVALID_INPUT` when
 * `text` is not a string.
 *
 * @example
 * findSecrets('token=abc123 sent to https://bob:hunter2@api.example.com');
 * // [{ from: 6, to: 12, kind: "key-value" }, { from: 33, to: 40, kind: "url-password" }]
 */
export const findSecrets = (text: string): readonly SecretSpan[] => {
  if (typeof text !== "string") throw new CoreError("CORE_INVALID_INPUT", "text must be a string");
  if (text === "") return [];
  let spans = detect(text);
  for (let pass = 1; spans.length > 0 && pass < MAX_PASSES; pass += 1) {
    const more = detect(replaceSpans(text, spans));
    if (more.length === 0) break;
    spans = merge(text, [...spans, ...toOriginal(spans, more)]);
  }
  return spans;
};
