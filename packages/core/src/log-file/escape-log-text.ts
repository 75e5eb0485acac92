const ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
const UNESCAPES: Record<string, string> = {
  "\\\\": "\\",
  "\\n": "\n",
  "\\r": "\r",
  "\\u2028": "\u2028",
  "\\u2029": "\u2029",
};

/** Puts a multi-line text on one line: backslash, CR, LF and the Unicode line separators become escapes. */
export const escapeLogText = (text: string): string =>
  text.replace(/[\\\n\r\u2028\u2029]/g, (char) => ESCAPES[char] ?? char);

/** The inverse of {@link escapeLogText}; other backslash sequences stay as they are. */
export const unescapeLogText = (text: string): string =>
  text.replace(/\\(?:\\|n|r|u2028|u2029)/g, (sequence) => UNESCAPES[sequence] ?? sequence);
