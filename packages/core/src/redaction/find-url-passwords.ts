import { type SecretSpan, URL_PASSWORD } from "./secret-span.js";

// `://` (also JSON-escaped, `:\/\/`), then a user name, then `:` (a password follows) or `@` (none does). The
// scan looks for the literal `://`, which is fast; the scheme before it is checked on the few characters before.
// The user name cannot hold `@`, `:` or a path character, so an attempt is short.
const AFTER_SCHEME = /:(?:\/\/|\\\/\\\/)([^\s/\\?#@:"'<>`]{0,256})([:@])/g;
const SCHEME_BEFORE = /[A-Za-z][A-Za-z0-9+.-]{1,20}$/;
// `scheme://token@host` with no password: a user name that is a long random token is a credential too
// (`https://<key>@sentry.example.com/1`, `https://<token>@github.com/org/repo.git`).
const TOKEN_USER = /^[A-Za-z0-9_-]{20,256}$/;
// Where a URL's text ends in a log line: a blank, a double quote, an angle bracket or a JSON escape (`\n`, `\"`).
// A single quote may be part of a password.
const URL_END = /[\s"<>`]|\\[nrt"]/g;
// The query of a URL: a password ends before the first `?` after its first `@`, so an e-mail address in the
// query (`?email=bob@example.com`) is not taken for the host.
const QUERY = /\?/g;
// `api.example.com:8443/...`, `localhost:3000/...`: a port, not a password, even when an `@` follows later in
// the path. A host has a dot or is localhost; a user name rarely does.
const PORT = /\d{1,5}(?:[/?]|$)/y;
const HOST = /\.|^localhost$/i;

/** The first index ≥ `from` where `pattern` matches, remembered while later questions ask about later text. */
const nextMatchFinder = (text: string, pattern: RegExp): ((from: number) => number) => {
  const search = pattern;
  let askedFrom = -1;
  let found = -1;
  return (from) => {
    if (askedFrom < 0 || from < askedFrom || found < from) {
      search.lastIndex = from;
      found = search.exec(text)?.index ?? text.length;
      askedFrom = from;
    }
    return found;
  };
};

/**
 * Where passwords in URLs are (`https://user:[pass]@host`, `mongodb+srv://u:[p]@h1,h2/db`,
 * `redis://:[pass]@host`). A password may hold `@`, `:`, `/`, `#`, `%`-escapes and any other letter (and `?`
 * before its first `@`): it runs to the last `@` of the URL before its query. An `@` in the path after user info
 * (`/users/bob@example.com`) makes the host part of the span: masking too much there is the price of never
 * leaking a password with a `/` or `#` in it. The user name stays, unless it is itself a long random token
 * (`https://[token]@host`).
 */
export const findUrlPasswords = (text: string): SecretSpan[] => {
  if (!text.includes(":/") && !text.includes(":\\/")) return [];
  const spans: SecretSpan[] = [];
  const urlEnd = nextMatchFinder(text, URL_END);
  const query = nextMatchFinder(text, QUERY);
  const nextAt = nextMatchFinder(text, /@/g);
  const starts = AFTER_SCHEME;
  starts.lastIndex = 0;
  for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
    if (!SCHEME_BEFORE.test(text.slice(Math.max(0, match.index - 21), match.index))) continue;
    const user = match[1] ?? "";
    if (match[2] === "@") {
      if (TOKEN_USER.test(user) && /\d/.test(user) && /[A-Za-z]/.test(user)) {
        const to = starts.lastIndex - 1;
        spans.push({ from: to - user.length, to, kind: URL_PASSWORD });
      }
      continue;
    }
    const from = starts.lastIndex;
    PORT.lastIndex = from;
    if (HOST.test(user) && PORT.test(text)) continue;
    const firstAt = nextAt(from);
    if (firstAt === text.length) break;
    if (firstAt >= urlEnd(from)) continue;
    const end = Math.min(query(firstAt), urlEnd(firstAt));
    const lastAt = text.lastIndexOf("@", end - 1);
    if (lastAt > from) spans.push({ from, to: lastAt, kind: URL_PASSWORD });
    starts.lastIndex = lastAt + 1;
  }
  return spans;
};
