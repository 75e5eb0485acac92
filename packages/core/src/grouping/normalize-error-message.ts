import { CoreError } from "../errors.js";
import { trimStackTrace } from "./trim-stack-trace.js";

// Long bodies add cost and nothing to the grouping; the head of a message tells problems apart.
const MAX_INPUT_LENGTH = 1000;
const MAX_PATTERN_LENGTH = 500;

const ANSI_CODE = new RegExp(`${String.fromCharCode(27)}\\[[0-?]*[ -/]*[@-~]`, "g");
const EM_MARK = /<\/?em>/gi;
const URL = /\b([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/[^\s"'<>()]+/g;
const EMAIL = /[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const HTTP_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g;
// An ISO date with an optional time and zone, or a time of day.
const DATE_OR_TIME =
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2}\b)?)?|\b\d{2}:\d{2}:\d{2}(?:\.\d+)?\b/g;
// A UUID, or a run of 8 or more hex digits (ObjectIds, exec ids, SHAs).
const UUID_OR_HEX_RUN = /\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\b|\b[0-9a-fA-F]{8,}\b/g;
// An IPv6 address (`2001:db8::1`, `::1`); the callback keeps only forms with `::` or all eight groups.
const IPV6 = /(?<![\w:.])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,8}(?![\w:.])/g;
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g;
// A dotted name, with a port, or ending in a common top-level domain (so `component.json` stays).
const DOTTED_NAME = /\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d{1,5}\b)?/g;
const HOST_NAME = /\.(?:com|net|org|io|de|co|uk|eu|info|biz|us|app|dev|cloud|local|internal|ch|at|fr|nl)$/i;
const JSON_STRING_VALUE = /("[^"\\\n]{1,64}"[ \t]*:[ \t]*)"((?:[^"\\\n]|\\.)*)"/g;
// The same inside another JSON string: {\"key\":\"value\"}.
const ESCAPED_JSON_STRING_VALUE = /(\\"[^"\\\n]{1,64}\\"[ \t]*:[ \t]*)\\"([^"\n]*?)\\"/g;
// Quoted text, paired left to right; a single quote counts only outside a word (not in "can't").
const QUOTED = /"[^"\n]*"|(?<!\w)'[^'\n]*'(?!\w)|`[^`\n]*`/g;
// JSON values that name a kind of problem (`invalid_grant`, `NOT_FOUND`) rather than a piece of data.
const CONSTANT_VALUE = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/;
// A number, unless it is part of a word (`T2002`, `step_1`, `v2`). Context decides whether it is kept.
const NUMBER = /(?<![\w.])\d+(?:\.\d+)?/g;
// Numbers that tell problems apart: HTTP statuses and exit codes after these words, or before a status text.
const STATUS_BEFORE =
  /(?:status(?:\s*code)?|statusCode|code|http(?:\/\d(?:\.\d)?)?|exit\s*code|error)\W{0,4}$/i;
const STATUS_TEXT_AFTER = /^\s+[A-Z][a-z]/;

/** A URL as its scheme, a host placeholder and the shape of its path: word segments stay, the rest is `*`. */
const urlShape = (url: string, scheme: string): string => {
  const rest = url.slice(scheme.length + 3);
  const pathStart = rest.search(/[/?#]/);
  if (pathStart === -1) return `${scheme}://<host>`;
  const [path = "", query] = rest.slice(pathStart).split(/[?#]/, 2);
  const shape = path
    .split("/")
    .map((segment) => (segment === "" || /^(?:[A-Za-z_-]+|v\d{1,2})$/.test(segment) ? segment : "*"))
    .join("/");
  return `${scheme}://<host>${shape}${query === undefined ? "" : "?<query>"}`;
};

const jsonValue = (pair: string, keyPart: string, value: string): string =>
  CONSTANT_VALUE.test(value) ? pair : `${keyPart}"<str>"`;
const escapedJsonValue = (pair: string, keyPart: string, value: string): string =>
  CONSTANT_VALUE.test(value) ? pair : `${keyPart}\\"<str>\\"`;

/** Quoted free text (with blanks, or long) becomes `<str>`; short quoted names such as field names stay. */
const quoted = (text: string): string => {
  const content = text.slice(1, -1);
  return content.length > 64 || /\s/.test(content) ? `${text[0]}<str>${text[0]}` : text;
};

const SOURCE_FILE = /\.(?:[cm]?js|ts|json|java|py|xml|rb|go|kt):\d+$/i;
const hostName = (name: string): string =>
  HOST_NAME.test(name) || (name.includes(":") && !SOURCE_FILE.test(name)) ? "<host>" : name;

const ipv6 = (candidate: string): string =>
  candidate.includes("::") || candidate.split(":").length >= 8 ? "<ip>" : candidate;

const uuidOrHexRun = (run: string): string => {
  if (run.length === 36 && run.includes("-")) return "<uuid>";
  return /\d/.test(run) && /[a-fA-F]/.test(run) ? "<id>" : run;
};

const number = (digits: string, offset: number, text: string): string => {
  const isStatusLike = /^[1-5]\d\d$/.test(digits);
  if (isStatusLike && STATUS_TEXT_AFTER.test(text.slice(offset + 3, offset + 6))) return digits;
  const before = text.slice(Math.max(0, offset - 16), offset);
  return STATUS_BEFORE.test(before) && (isStatusLike || /exit\s*code\W*$/i.test(before)) ? digits : "<n>";
};

/** The function form of `String.prototype.replace`'s second argument. */
type Replacer = Parameters<string["replace"]>[1];

/** One masking pass; `worthTrying` is a cheap check that skips passes that cannot match. */
interface Pass {
  readonly worthTrying: (text: string) => boolean;
  readonly pattern: RegExp;
  readonly replacement: string | Replacer;
}

const always = (): boolean => true;
const has =
  (...parts: string[]) =>
  (text: string): boolean =>
    parts.some((part) => text.includes(part));

/** Ids, times, hosts and addresses, most specific first, so that later passes do not cut them up. */
const PASSES: readonly Pass[] = [
  { worthTrying: has("://"), pattern: URL, replacement: urlShape },
  { worthTrying: has("@"), pattern: EMAIL, replacement: "<email>" },
  { worthTrying: has(" GMT"), pattern: HTTP_DATE, replacement: "<time>" },
  { worthTrying: has("-", ":"), pattern: DATE_OR_TIME, replacement: "<time>" },
  { worthTrying: has(":"), pattern: IPV6, replacement: ipv6 },
  { worthTrying: has("."), pattern: IPV4, replacement: "<ip>" },
  { worthTrying: has("."), pattern: DOTTED_NAME, replacement: hostName },
  { worthTrying: always, pattern: UUID_OR_HEX_RUN, replacement: uuidOrHexRun },
  { worthTrying: has('\\"'), pattern: ESCAPED_JSON_STRING_VALUE, replacement: escapedJsonValue },
  { worthTrying: has('"'), pattern: JSON_STRING_VALUE, replacement: jsonValue },
  { worthTrying: has('"', "'", "`"), pattern: QUOTED, replacement: quoted },
  { worthTrying: always, pattern: NUMBER, replacement: number },
];

const maskVariables = (text: string): string => {
  let masked = text;
  for (const pass of PASSES) {
    if (!pass.worthTrying(masked)) continue;
    const { pattern, replacement } = pass;
    masked =
      typeof replacement === "string"
        ? masked.replace(pattern, replacement)
        : masked.replace(pattern, replacement);
  }
  return masked;
};

/**
 * The shape of an error message, the same for every occurrence of one problem: ANSI colours, `<em>` search
 * marks and stack frames are dropped (the lines before the first frame stay, at most three); ids (ObjectIds,
 * UUIDs, exec ids, SHAs and other hex runs) become `<id>`/`<uuid>`, times and dates `<time>`, URLs
 * `scheme://<host>/path/shape`, hosts and IPv4/IPv6 addresses `<host>`/`<ip>`, e-mail addresses `<email>`, JSON string values
 * and quoted free text `<str>`, and numbers `<n>`. HTTP status codes (after `status`, `code`, `HTTP`, or before a
 * status text like `404 Not Found`) and exit codes stay, as do words, error class names, field names in
 * quotes and codes such as `T2002`. Whitespace is collapsed; the result is at most 500 characters. Throws
 * `CORE_INVALID_INPUT` when `text` is not a string.
 *
 * @example
 * normalizeErrorMessage('Code: 401 Message: Unauthorized Body: {"id":"585918da586224001b96de89"}');
 * // 'Code: 401 Message: Unauthorized Body: {"id":"<str>"}'
 */
export const normalizeErrorMessage = (text: string): string => {
  if (typeof text !== "string") throw new CoreError("CORE_INVALID_INPUT", "message must be a string");
  const plain = text.includes("\u001b") ? text.replace(ANSI_CODE, "") : text;
  const unmarked = plain.includes("em>") ? plain.replace(EM_MARK, "") : plain;
  const head = trimStackTrace(unmarked).slice(0, MAX_INPUT_LENGTH);
  return maskVariables(head)
    .replace(/\s\s+|[^\S ]/g, " ")
    .trim()
    .slice(0, MAX_PATTERN_LENGTH);
};
