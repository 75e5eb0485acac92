import { REDACTION_MARKER } from "./redaction-marker.js";
import { scanBare, scanQuoted } from "./scan-value.js";
import { compactKeyName, isSecretKeyName } from "./secret-key-name.js";
import { KEY_VALUE, type SecretSpan } from "./secret-span.js";

// A command-line flag followed by blanks and a value that is not another flag: `--password hunter2`,
// `-token abc`, `--client-secret "a b"`. `--password=x` is a key and value, found by findKeyValues.
const FLAG_PATTERN = /(?<![\w.-])--?([A-Za-z][\w-]{0,63})[ \t]+(?=[^\s-])/g;
// `-p` names a password only after a user flag on the same command line (`docker login -u bob -p x`,
// `mysql -u root -pS3cret`); elsewhere it is a port (`ssh -p 22`, `docker run -p 8080:80`) or a path.
const SHORT_PASSWORD_FLAG = /(?<![\w.-])-p(?=[^\s-])|(?<![\w.-])-p[ \t]+(?=[^\s-])/g;
const USER_FLAG_BEFORE = /(?:^|\s)(?:-u|--user|--username|--login)(?:[ \t=]|$)/;
const PORT_LIKE = /^[\d.:/-]+(?:\/(?:tcp|udp))?$/;
// Secret-named flags whose value is not the secret itself: a file, a prompt switch, a length or a name.
const NOT_THE_SECRET = /(?:file|path|stdin|prompt|dir|length|policy|ttl|type|name|command|cmd|helper|env)$/;
// Words that follow a flag in prose ("use --token to sign in"), not values.
const PROSE_WORDS = new Set([
  "to",
  "and",
  "or",
  "is",
  "as",
  "the",
  "a",
  "an",
  "for",
  "with",
  "flag",
  "option",
]);

const valueAt = (text: string, at: number): { readonly from: number; readonly to: number } => {
  // A value that starts with a marker was masked by a previous pass, which left what follows visible.
  if (text.startsWith(REDACTION_MARKER, at)) return { from: at, to: at };
  const quote = text[at];
  if (quote === '"' || quote === "'") return scanQuoted(text, at + 1, quote);
  return scanBare(text, at);
};

/**
 * The part of the line before `at`, at most 512 characters of it, and none before a marker: a masked span may
 * have held line breaks, so a second pass must not see across it.
 */
const lineBefore = (text: string, at: number): string => {
  const window = text.slice(Math.max(0, at - 512), at);
  const marker = window.lastIndexOf(REDACTION_MARKER);
  const start = Math.max(window.lastIndexOf("\n") + 1, marker === -1 ? 0 : marker + REDACTION_MARKER.length);
  return window.slice(start);
};

// `curl -u bob:hunter2`, `--user bob:hunter2`: the password after the first colon. A numeric group
// (`docker run -u 1000:1000`) is not a password.
const USER_PASSWORD_FLAG = /(?<![\w.-])(?:-u|--user)(?:[ \t]+|=)(["']?)([^\s:"'@]{1,128}):(?=[^\s"'])/g;

const findUserPasswords = (text: string): SecretSpan[] => {
  const spans: SecretSpan[] = [];
  const pattern = USER_PASSWORD_FLAG;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const quote = match[1] ?? "";
    const value =
      quote === "" ? scanBare(text, pattern.lastIndex) : scanQuoted(text, pattern.lastIndex, quote);
    if (/^\d+$/.test(text.slice(value.from, value.to))) continue;
    spans.push({ from: value.from, to: value.to, kind: KEY_VALUE });
    pattern.lastIndex = value.to;
  }
  return spans;
};

/**
 * Where the values of secret-named command-line flags are, when a blank separates them from the flag:
 * `--password hunter2`, `--api-key abc`, `--client-secret "x y"`, `-p x` after a `-u` user flag on the
 * same line, and the password in `curl -u user:password`.
 */
export const findFlagValues = (text: string): SecretSpan[] => {
  if (!text.includes("-")) return [];
  const spans: SecretSpan[] = [];
  const flags = FLAG_PATTERN;
  flags.lastIndex = 0;
  for (let match = flags.exec(text); match !== null; match = flags.exec(text)) {
    const name = match[1] ?? "";
    if (!isSecretKeyName(name) || NOT_THE_SECRET.test(compactKeyName(name))) continue;
    const value = valueAt(text, flags.lastIndex);
    const word = text.slice(value.from, value.to);
    if (value.to > value.from && !PROSE_WORDS.has(word.toLowerCase())) {
      spans.push({ from: value.from, to: value.to, kind: KEY_VALUE });
      flags.lastIndex = value.to;
    }
  }
  spans.push(...findUserPasswords(text));
  if (!text.includes("-p")) return spans;
  const short = SHORT_PASSWORD_FLAG;
  short.lastIndex = 0;
  for (let match = short.exec(text); match !== null; match = short.exec(text)) {
    const value = valueAt(text, short.lastIndex);
    const word = text.slice(value.from, value.to);
    if (value.to === value.from || PORT_LIKE.test(word)) continue;
    if (!USER_FLAG_BEFORE.test(lineBefore(text, match.index))) continue;
    spans.push({ from: value.from, to: value.to, kind: KEY_VALUE });
    short.lastIndex = value.to;
  }
  return spans;
};
