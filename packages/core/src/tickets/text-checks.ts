// Detectors for text that is not what a field should hold: control characters, images, stack traces, log lines.

// C0 controls except tab, line feed and carriage return; DEL; C1 controls; U+FFFD, which is what binary data
// decoded as UTF-8 turns into.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
// ANSI colour and cursor sequences (ESC [ … letter): common in container logs and harmless once stripped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI sequences start with ESC
const ANSI_SEQUENCE = /\u001B\[[0-9;?]*[A-Za-z]/g;

/** The first control or binary character and its position, or `undefined` when the text is clean. */
export const findControlCharacter = (
  text: string,
  tolerateAnsi: boolean,
): { readonly position: number; readonly codePoint: string } | undefined => {
  const scanned = tolerateAnsi
    ? text.replace(ANSI_SEQUENCE, (sequence) => " ".repeat(sequence.length))
    : text;
  const match = CONTROL.exec(scanned);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return { position: match.index, codePoint: `U+${code}` };
};

/** Removes ANSI colour and cursor sequences. */
export const stripAnsi = (text: string): string => text.replace(ANSI_SEQUENCE, "");

const DATA_URI = /data:image\/[a-z0-9.+-]+;base64,/i;
const IMAGE_FILE = /^\S+\.(?:png|jpe?g|gif|bmp|webp|heic|tiff?)(?:[?#]\S*)?$/i;
const BASE64_BLOB = /^[A-Za-z0-9+/]{100,}={0,2}$/;

/**
 * Why a text field holds an image instead of text, or `undefined`. Catches an embedded `data:image/…;base64,`
 * URI, a value that is only an image file name or URL, and a bare base64 blob.
 */
export const imageInsteadOfText = (text: string): string | undefined => {
  const trimmed = text.trim();
  if (DATA_URI.test(trimmed)) return "contains an embedded image (a data:image URI)";
  // The reference itself is not quoted: image URLs often carry access tokens.
  if (IMAGE_FILE.test(trimmed)) return "is only a reference to an image file or URL";
  if (BASE64_BLOB.test(trimmed)) return "is encoded binary data (base64), not readable text";
  return undefined;
};

// Node/JavaScript frames "at fn (file.js:12:5)" / "at file.js:12:5" (a source file, so "at 10:30" is not one),
// Java frames "at a.b.C.m(C.java:42)".
const STACK_FRAME =
  /\bat\s+(?:[^\s()]+\s+\()?(?:[^\s()]*\.(?:[cm]?[jt]sx?|java|kt|scala|py|rb|go|cs)|node:[\w/]+)(?::\d+){1,2}\)?|\bat\s+[\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)/;
/\bat\s+(?:[^\s()]+\s+\()?[^\s()]+:\d+(?::\d+)?\)?|\bat\s+[\w$.]+\([\w$]+\.(?:java|kt|scala):\d+\)/;
const LOG_TIMESTAMP = /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const LOG_LEVEL_WORD = /\b(?:TRACE|DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL)\b/i;
const JSON_LOG = /^\s*\{.*"(?:level|msg|time|name)"\s*:/;
const LOGFMT = /\blevel=(?:trace|debug|info|warn|error|fatal)\b/i;

/** Whether a line holds a stack frame. */
export const hasStackFrame = (text: string): boolean => STACK_FRAME.test(text);

/** Whether a line looks like a log line: a timestamp with a level, a JSON log record, or logfmt. */
export const looksLikeLogLine = (text: string): boolean =>
  (LOG_TIMESTAMP.test(text) && LOG_LEVEL_WORD.test(text)) || JSON_LOG.test(text) || LOGFMT.test(text);

/** How many sentences a line has: sentence ends (`.`, `!`, `?`) followed by a space and a capital letter or digit, plus one. */
export const sentenceCount = (text: string): number =>
  (text.trim().match(/[.!?]+\s+(?=[\p{Lu}\d])/gu)?.length ?? 0) + 1;

/** How many words a text has. */
export const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word !== "").length;
