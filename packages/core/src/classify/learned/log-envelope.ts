/**
 * The message a log line carries, without its envelope: a JSON log record's message fields, and the timestamps, level
 * names and ids a logger puts before each line. The learned model weighs every word it reads, so the same error must
 * read the same whether it was logged plain, as JSON or after a prefix.
 */

import { LEVEL_NAMES } from "../scan-window.js";

/** A JSON record's fields that hold what happened, as loggers (pino, bunyan, winston, the sailor) name them. */
const MESSAGE_FIELDS = ["msg", "message", "error", "err", "reason", "detail"] as const;
/** JSON records longer than this are not log lines: parsing them is not worth it. */
const MAX_RECORD_CHARS = 16_384;

const textOf = (value: unknown): string | undefined => {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { message } = value as { message?: unknown };
    return typeof message === "string" ? message : undefined;
  }
  return undefined;
};

/** A JSON log record's message fields, one per line; the text itself when it is no such record. */
const unwrapRecord = (text: string): string => {
  const trimmed = text.trim();
  if (trimmed.length > MAX_RECORD_CHARS || !trimmed.startsWith("{") || !trimmed.endsWith("}")) return text;
  let record: unknown;
  try {
    record = JSON.parse(trimmed);
  } catch {
    return text;
  }
  const texts = MESSAGE_FIELDS.map((field) => textOf((record as Record<string, unknown>)[field])).filter(
    (value): value is string => value !== undefined && value.length > 0,
  );
  return texts.length === 0 ? text : [...new Set(texts)].join("\n");
};

const TIMESTAMP = String.raw`\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?|\d\d:\d\d:\d\d(?:[.,]\d+)?`;
// One prefix part: a date-time or time (optionally bracketed), an upper-case level name (or a lower-case one before a
// time, as coloured consoles print it), a step id, a 24-hex ObjectId or a UUID, each optionally followed by a colon or
// a dash. A lower-case level elsewhere may be the message's own word ("error: connect ECONNREFUSED").
const PREFIX_PART = String.raw`(?:\[?(?:${TIMESTAMP})\]?|\[?(?:${LEVEL_NAMES.toUpperCase()})\]?|(?:${LEVEL_NAMES})(?=[ \t]+\[?(?:${TIMESTAMP}))|step_\d+|[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[ \t]*[:-])?`;
const LINE_PREFIX = new RegExp(String.raw`^[ \t]*(?:${PREFIX_PART}[ \t]+)+`, "gm");

/** The text without JSON log envelopes and line prefixes. */
export const withoutLogEnvelope = (text: string): string => unwrapRecord(text).replace(LINE_PREFIX, "");
