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

/**
 * Where the secrets in `text` are, in order and apart: each span's characters are what {@link redactSecrets}
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
