import { REDACTION_MARKER } from "./redaction-marker.js";
import {
  lineEnd,
  quoteLevel,
  scanBare,
  scanContainer,
  scanNestedQuoted,
  scanQuoted,
  type ValueSpan,
} from "./scan-value.js";
import { isLineValueKeyName, isSecretKeyName } from "./secret-key-name.js";
import { KEY_VALUE, type SecretSpan } from "./secret-span.js";

// A name followed by `:` or `=`, in any of the spellings logs use: "key" (JSON), \"key\" or \\\"key\\\" (JSON
// inside one or more JSON strings: the same run of backslashes before both quotes), 'key', or a bare name (query
// strings, form bodies, headers, command-line flags, `util.inspect` output). A quoted name may spell letters as
// `\u0070` escapes. Every part is bounded or unambiguous, so a failed attempt costs at most ~128 steps: no
// catastrophic backtracking. A bare name starts only after a character that cannot be part of one
// (`db.password` is one name), so a long dotted run costs one attempt, not one per dot.
// The plain "key" comes first: it is by far the most common, and the alternatives with escapes are tried only
// where it fails.
const KEY_PATTERN =
  /(?:"([^"\\\r\n]{1,128})"|(?<!\\)(\\{1,15})"((?:[^"\\\r\n]|\\{1,15}u[0-9A-Fa-f]{4}){1,128})\2"|"((?:[^"\\\r\n]|\\u[0-9A-Fa-f]{4}){1,128})"|'([^'\\\r\n]{1,128})'|(?<![\w.-])[.-]{0,2}([A-Za-z_][\w.-]{0,127}))[ \t]*[:=][ \t]*(?:\r?\n[ \t]*)?/g;
const UNICODE_ESCAPE = /\\+u([0-9A-Fa-f]{4})/g;
const SCHEME_PATTERN = /([A-Za-z][\w-]{0,30})[ \t]+/y;
const LITERAL_PATTERN = /(?:null|true|false)\b/y;
// Authorization schemes whose credentials are one token: that token is masked and the scheme stays.
const SINGLE_TOKEN_SCHEMES = new Set([
  "basic",
  "bearer",
  "token",
  "bot",
  "apikey",
  "api-key",
  "key",
  "ssws",
  "jwt",
  "ntlm",
  "negotiate",
]);
// Schemes with several parameters: the scheme stays, the rest of the line is masked.
const MULTI_PARAMETER_SCHEMES = new Set([
  "digest",
  "aws4-hmac-sha256",
  "oauth",
  "hawk",
  "sharedaccesssignature",
  "signature",
  "mutual",
  "vapid",
]);

const matchAt = (pattern: RegExp, text: string, at: number): RegExpExecArray | null => {
  pattern.lastIndex = at;
  return pattern.exec(text);
};

/** The authorization scheme at `at` (with its trailing blanks), if it is one we know. */
const knownScheme = (
  text: string,
  at: number,
): { readonly length: number; readonly singleToken: boolean } | undefined => {
  const match = matchAt(SCHEME_PATTERN, text, at);
  const name = match?.[1]?.toLowerCase() ?? "";
  if (match === null || !(SINGLE_TOKEN_SCHEMES.has(name) || MULTI_PARAMETER_SCHEMES.has(name)))
    return undefined;
  return { length: match[0].length, singleToken: SINGLE_TOKEN_SCHEMES.has(name) };
};

/**
 * A value in `"` or `'`. A single quote may also just be part of an unquoted value (`password='a'b&x=1`),
 * so when the value goes on after the closing `'`, the rest of it is masked too.
 */
const singleOrDoubleQuoted = (text: string, at: number): ValueSpan => {
  const span = scanQuoted(text, at + 1, text[at] ?? "");
  if (text[at] !== "'" || span.resume !== span.to + 1) return span;
  const rest = scanBare(text, span.resume);
  return rest.to === rest.from ? span : { from: span.from, to: rest.to, resume: rest.resume };
};

/** The span of a quoted value; for header-like keys a known leading scheme (`Bearer `) stays readable. */
const quotedSpan = (text: string, at: number, escapes: number, lineValue: boolean): ValueSpan => {
  const span =
    escapes > 0
      ? scanNestedQuoted(text, at + escapes + 1, quoteLevel(escapes))
      : singleOrDoubleQuoted(text, at);
  if (!lineValue) return span;
  const scheme = knownScheme(text, span.from);
  if (scheme === undefined || span.from + scheme.length >= span.to) return span;
  return { ...span, from: span.from + scheme.length };
};

/**
 * The span of an unquoted header value: `Bearer <token>` masks the token; `Digest a="b", ...`, cookies, raw
 * tokens and unknown schemes mask the rest of the line, since a raw token cannot be told from a scheme name.
 */
const headerSpan = (text: string, at: number): ValueSpan => {
  const scheme = knownScheme(text, at);
  if (scheme?.singleToken === true) return scanBare(text, at + scheme.length);
  const from = at + (scheme?.length ?? 0);
  const to = lineEnd(text, from);
  return { from, to, resume: to };
};

/** The number of backslashes at `at` when they escape a quote (`\"`, `\\\"`), else 0. */
const quoteEscapes = (text: string, at: number): number => {
  let run = 0;
  while (text.charCodeAt(at + run) === 92) run += 1;
  return run > 0 && quoteLevel(run) > 0 && text[at + run] === '"' ? run : 0;
};

/** Where the secret value starting at `at` sits, or `undefined` when there is nothing to mask there. */
const valueSpan = (text: string, at: number, key: string): ValueSpan | undefined => {
  const first = text[at];
  if (first === undefined) return undefined;
  if (first === "{" || first === "[") return scanContainer(text, at);
  const lineValue = isLineValueKeyName(key);
  const escapes = first === "\\" ? quoteEscapes(text, at) : 0;
  if (first === '"' || first === "'" || escapes > 0) return quotedSpan(text, at, escapes, lineValue);
  if (matchAt(LITERAL_PATTERN, text, at) !== null) return undefined;
  return lineValue ? headerSpan(text, at) : scanBare(text, at);
};

/** The key a match names: quoted names may spell letters as `\u0070` escapes. */
const keyOf = (match: RegExpExecArray): string => {
  const escaped = match[3] ?? match[4];
  if (escaped !== undefined)
    return escaped.replace(UNICODE_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return match[1] ?? match[5] ?? match[6] ?? "";
};

/**
 * Where the values of secret-named keys are: JSON (`"password": "..."`, also escaped inside one or more JSON
 * strings), query strings and form bodies (`api_key=...&`), headers (`Authorization: Bearer ...`), flags
 * (`--password=...`) and `util.inspect` output (`{ token: '...' }`). Keys stay out of the spans; an object or
 * array under a secret-named key is one span (`"secret": [REDACTED]`).
 */
export const findKeyValues = (text: string): SecretSpan[] => {
  const pattern = KEY_PATTERN;
  pattern.lastIndex = 0;
  const spans: SecretSpan[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const key = keyOf(match);
    // A "name" holding a marker is text a previous pass masked, not a key: skipping it keeps redaction idempotent.
    if (!isSecretKeyName(key) || key.includes(REDACTION_MARKER)) continue;
    // A value that starts with a marker was masked by a previous pass, which left what follows visible.
    if (text.startsWith(REDACTION_MARKER, pattern.lastIndex)) continue;
    const span = valueSpan(text, pattern.lastIndex, key);
    if (span === undefined) continue;
    if (span.to > span.from) spans.push({ from: span.from, to: span.to, kind: KEY_VALUE });
    pattern.lastIndex = Math.max(span.resume, pattern.lastIndex);
  }
  return spans;
};
