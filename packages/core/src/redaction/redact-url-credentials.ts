import { REDACTION_MARKER } from "./redaction-marker.js";

// scheme://user:password@ — the password part is greedy up to the last `@` before the path, so passwords that
// contain a raw `@` are masked whole. Attempts start only at a scheme followed by `://`.
const USERINFO_PATTERN = /\b([A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s/?#@:"'<>]*):[^\s/?#"<>]*@/g;

/** Masks passwords in URLs (`https://user:pass@host`, `mongodb://u:p@h1,h2/db`); the user name stays. */
export const redactUrlCredentials = (text: string): string =>
  text.includes("://") ? text.replace(USERINFO_PATTERN, `$1:${REDACTION_MARKER}@`) : text;
