// The redaction of commit 1d64e61, before the catalogue of credential shapes: copied here only as the baseline
// that bench/redaction.bench.ts measures the current redactSecrets against. Not used anywhere else.
/* biome-ignore-all lint: a frozen copy, kept as it was */

// ---- src/redaction/redaction-marker.ts
/** What every masked secret is replaced with. Fixed, so redacted text stays comparable and greppable. */
const REDACTION_MARKER = "[REDACTED]";

// ---- src/redaction/scan-value.ts
/** Where a secret value sits in a text: mask `[from, to)`, continue scanning at `resume`. */
interface ValueSpan {
  readonly from: number;
  readonly to: number;
  readonly resume: number;
}

const BACKSLASH = 92;
const QUOTE = 34;

const isLineBreak = (code: number): boolean => code === 10 || code === 13;

/** End of the current line: a raw line break, or an escaped `\n` / `\r` as inside a JSON string. */
const lineEnd = (text: string, from: number): number => {
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
const scanQuoted = (text: string, from: number, quote: string): ValueSpan => {
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
 * A string quoted with `\"` inside another JSON string (`{\"password\":\"a\\\"b\"}`). A `"` after `k`
 * backslashes closes it when `k % 4 === 1`; after an even number it closes the outer string too.
 */
const scanEscapedQuoted = (text: string, from: number): ValueSpan => {
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
    if (text.charCodeAt(i + run) === QUOTE && run % 4 === 1) {
      return { from, to: i + run - 1, resume: i + run + 1 };
    }
    i += run + (text.charCodeAt(i + run) === QUOTE && run % 2 === 1 ? 1 : 0);
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
const scanBare = (text: string, from: number): ValueSpan => {
  let i = from;
  while (i < text.length && !isBareValueEnd(text.charCodeAt(i))) i += 1;
  return { from, to: i, resume: i };
};

/**
 * An object or array starting at `from` (`{` or `[`): everything up to its matching bracket, skipping brackets
 * inside strings. Without a matching bracket it runs to the end of the text, as the secret might.
 */
const scanContainer = (text: string, from: number): ValueSpan => {
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

// ---- src/redaction/secret-key-name.ts
// Compared after lower-casing and dropping everything but letters and digits, so `client_secret`,
// `clientSecret`, `Client-Secret` and `X-Api-Key` all match.
const SECRET_NAME_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "accesskey",
  "accountkey",
  "masterkey",
  "signingkey",
  "encryptionkey",
  "authorization",
  "signature",
  "cookie",
  "sessionid",
] as const;
const SECRET_NAMES = new Set(["pass", "pwd", "sig", "auth", "pin"]);
// Keys whose value is a whole header line ("Bearer abc", "Digest username=..."), not one token.
const LINE_VALUE_NAME_PARTS = ["authorization", "cookie"] as const;

const compact = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Whether a key, field, header or parameter name holds a secret (`password`, `apiKey`, `client_secret`,
 * `refresh_token`, `Authorization`, `x-amz-signature`, `sig`, ...). Case and separators do not matter.
 */
const isSecretKeyName = (name: string): boolean => {
  const key = compact(name);
  if (SECRET_NAMES.has(key)) return true;
  return SECRET_NAME_PARTS.some((part) => key.includes(part));
};

/** Whether a secret-named key carries a whole header value (scheme plus parameters) rather than one token. */
const isLineValueKeyName = (name: string): boolean => {
  const key = compact(name);
  return LINE_VALUE_NAME_PARTS.some((part) => key.includes(part));
};

// ---- src/redaction/redact-private-keys.ts

const BEGIN_PATTERN = /-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?)-----/g;

/**
 * Masks the body of PEM private keys (`-----BEGIN RSA PRIVATE KEY-----` ... `-----END RSA PRIVATE KEY-----`),
 * raw or with escaped `\n` inside JSON. The armour lines stay; a key without its END line is masked to the end
 * of the text, since where it stops is unknown.
 */
const redactPrivateKeys = (text: string): string => {
  if (!text.includes("PRIVATE KEY")) return text;
  const pattern = new RegExp(BEGIN_PATTERN.source, "g");
  let out = "";
  let copied = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const bodyStart = pattern.lastIndex;
    const endLine = `-----END ${match[1]}-----`;
    const end = text.indexOf(endLine, bodyStart);
    out += text.slice(copied, bodyStart) + REDACTION_MARKER;
    if (end === -1) return out;
    copied = end;
    pattern.lastIndex = end + endLine.length;
  }
  return out + text.slice(copied);
};

// ---- src/redaction/redact-url-credentials.ts

// scheme://user:password@ — the password part is greedy up to the last `@` before the path, so passwords that
// contain a raw `@` are masked whole. Attempts start only at a scheme followed by `://`.
const USERINFO_PATTERN = /\b([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s/?#@:"'<>]*):[^\s/?#"<>]*@/g;

/** Masks passwords in URLs (`https://user:pass@host`, `mongodb://u:p@h1,h2/db`); the user name stays. */
const redactUrlCredentials = (text: string): string =>
  text.includes("://") ? text.replace(USERINFO_PATTERN, `$1:${REDACTION_MARKER}@`) : text;

// ---- src/redaction/redact-key-values.ts

// A name followed by `:` or `=`, in any of the spellings logs use: "key" (JSON), \"key\" (JSON inside a JSON
// string), 'key', or a bare name (query strings, form bodies, headers, `util.inspect` output). Every part is
// bounded or unambiguous, so a failed attempt costs at most ~128 steps: no catastrophic backtracking. A bare
// name starts only after a character that cannot be part of one (`db.password` is one name), so a long
// dotted run costs one attempt, not one per dot.
const KEY_PATTERN =
  /(?:"([^"\\\r\n]{1,128})"|\\"([^"\\\r\n]{1,128})\\"|'([^'\\\r\n]{1,128})'|(?<![\w.-])[.-]{0,2}([A-Za-z_][\w.-]{0,127}))[ \t]*[:=][ \t]*(?:\r?\n[ \t]*)?/g;
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
const quotedSpan = (text: string, at: number, lineValue: boolean): ValueSpan => {
  const span = text.startsWith('\\"', at) ? scanEscapedQuoted(text, at + 2) : singleOrDoubleQuoted(text, at);
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

/** Where the secret value starting at `at` sits, or `undefined` when there is nothing to mask there. */
const valueSpan = (text: string, at: number, key: string): ValueSpan | undefined => {
  const first = text[at];
  if (first === undefined) return undefined;
  if (first === "{" || first === "[") return scanContainer(text, at);
  const lineValue = isLineValueKeyName(key);
  if (first === '"' || first === "'" || text.startsWith('\\"', at)) return quotedSpan(text, at, lineValue);
  if (matchAt(LITERAL_PATTERN, text, at) !== null) return undefined;
  return lineValue ? headerSpan(text, at) : scanBare(text, at);
};

/**
 * Masks the values of secret-named keys: JSON (`"password": "..."`, also escaped inside another JSON string),
 * query strings and form bodies (`api_key=...&`), headers (`Authorization: Bearer ...`) and
 * `util.inspect` output (`{ token: '...' }`). Keys stay; an object or array under a secret-named key is masked
 * whole (`"secret": [REDACTED]`).
 */
const redactKeyValues = (text: string): string => {
  const pattern = new RegExp(KEY_PATTERN.source, "g");
  let out = "";
  let copied = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const key = match[1] ?? match[2] ?? match[3] ?? match[4] ?? "";
    if (!isSecretKeyName(key)) continue;
    const span = valueSpan(text, pattern.lastIndex, key);
    if (span === undefined) continue;
    if (span.to > span.from) {
      out += text.slice(copied, span.from) + REDACTION_MARKER;
      copied = span.to;
    }
    pattern.lastIndex = Math.max(span.resume, pattern.lastIndex);
  }
  return copied === 0 ? text : out + text.slice(copied);
};

// ---- src/redaction/redact-tokens.ts

/** A family of credentials recognisable by shape alone. The first capture group, if any, stays visible. */
interface TokenPattern {
  readonly name: string;
  readonly pattern: RegExp;
  readonly accept?: (token: string) => boolean;
}

const hasDigit = (token: string): boolean => /\d/.test(token);
// A 40-character base64 run is an AWS secret access key only if it mixes cases and digits; this keeps
// lower-case hex SHAs and ordinary words out.
const looksRandom = (token: string): boolean => /[A-Z]/.test(token) && /[a-z]/.test(token) && hasDigit(token);
// "Bearer abc.def" / "Basic dXNlcjpwYXNz": a credential has a digit, symbols or mixed case at some length;
// words ("Basic authentication", "Bearer token") do not.
const looksLikeCredential = (token: string): boolean =>
  token.length >= 8 &&
  (hasDigit(token) ||
    (token.length >= 16 && /[-._~+/=]/.test(token)) ||
    (token.length >= 20 && /[A-Z]/.test(token.slice(1)) && /[a-z]/.test(token)));

/** The shapes, most specific first. Each is a single pass with no nested quantifiers. */
const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { name: "jwt", pattern: /\beyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g },
  { name: "github", pattern: /\b(gh[pousr]_)[A-Za-z0-9]{36,255}\b/g },
  { name: "github-fine-grained", pattern: /\b(github_pat_)[A-Za-z0-9_]{22,255}/g },
  { name: "slack", pattern: /\b(xox[bpars]-)[A-Za-z0-9-]{10,}/g },
  { name: "stripe", pattern: /\b([sr]k_(?:live|test)_)[A-Za-z0-9]{10,}/g },
  { name: "google", pattern: /\b(AIza)[\w-]{35}/g },
  { name: "sendgrid", pattern: /\b(SG\.)[\w-]{16,}\.[\w-]{16,}/g },
  { name: "npm", pattern: /\b(npm_)[A-Za-z0-9]{36}\b/g },
  { name: "openai", pattern: /\b(sk-)[\w-]{20,}/g },
  {
    name: "aws-access-key-id",
    pattern: /\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g,
  },
  {
    name: "aws-secret-access-key",
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    accept: looksRandom,
  },
  {
    name: "bearer-or-basic",
    pattern: /\b((?:Bearer|Basic)[ \t]+)([A-Za-z0-9\-._~+/]+=*)/gi,
    accept: (token) => looksLikeCredential(token.replace(/^\S+[ \t]+/, "")),
  },
];

const mask = (family: TokenPattern) => (token: string, kept: unknown) => {
  if (family.accept && !family.accept(token)) return token;
  return `${typeof kept === "string" ? kept : ""}${REDACTION_MARKER}`;
};

/**
 * Masks credentials recognisable by their shape: JWTs, AWS access key ids and secret keys, GitHub, Slack,
 * Stripe, Google, SendGrid, npm and OpenAI keys, and `Bearer` / `Basic` credentials in free text. A
 * service's fixed prefix stays (`ghp_[REDACTED]`) so a reader knows what was there.
 */
const redactTokens = (text: string): string => {
  let out = text;
  for (const family of TOKEN_PATTERNS) out = out.replace(family.pattern, mask(family));
  return out;
};

// ---- src/redaction/redact-secrets.ts

/**
 * Masks credentials in free text before it leaves the process (logs, responses, tickets, downloaded `.log`
 * files). Each secret becomes {@link REDACTION_MARKER} and the name around it stays, so the text stays readable:
 *
 * - PEM private keys (the armour lines stay);
 * - passwords in URLs: `https://user:[REDACTED]@host`;
 * - values of secret-named keys in JSON (`"password": "[REDACTED]"`, also `\"escaped\"` inside a JSON string),
 *   query strings and form bodies (`api_key=[REDACTED]&`), headers (`Authorization: Bearer [REDACTED]`; schemes
 *   with parameters, like Digest, are masked to the end of the line) and `util.inspect` output;
 * - tokens known by shape: JWTs, AWS, GitHub, Slack, Stripe, Google, SendGrid, npm and OpenAI keys, and
 *   `Bearer`/`Basic` credentials in free text.
 *
 * Runs in time linear in the text's length; redacting twice gives the same text as redacting once. Throws
 * `CORE_INVALID_INPUT` when `text` is not a string.
 *
 * @example
 * redactSecrets('POST https://api.example.com?api_key=abc123 {"password":"hunter2"}');
 * // 'POST https://api.example.com?api_key=[REDACTED] {"password":"[REDACTED]"}'
 */
export const redactSecretsBefore = (text: string): string => {
  if (typeof text !== "string") throw new TypeError("text must be a string");
  return redactTokens(redactKeyValues(redactUrlCredentials(redactPrivateKeys(text))));
};
