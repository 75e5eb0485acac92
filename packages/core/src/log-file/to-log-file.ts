import { CoreError } from "../errors.js";
import { logLevelName } from "../model/log-entry.js";
import { redactSecrets } from "../redaction/redact-secrets.js";
import { escapeLogText } from "./escape-log-text.js";
import type { LogFileEntry, ToLogFileOptions } from "./log-file-line.js";

// A field that may hold blanks or quotes is written as a JSON string; a plain token as it is.
const field = (value: string): string => (/^[^\s"]+$/.test(value) ? value : JSON.stringify(value));

const formatLine = (entry: LogFileEntry, redact: boolean): string => {
  // Every text of the line is the platform's, so each is redacted before it is quoted or escaped.
  const text = (value: string): string => (redact ? redactSecrets(value) : value);
  const parts = [
    new Date(entry.timestamp).toISOString(),
    logLevelName(entry.level).toUpperCase(),
    field(text(entry.stepId)),
    entry.componentName === undefined ? "-" : JSON.stringify(text(entry.componentName)),
  ];
  if (entry.execId !== undefined) parts.push(`exec=${field(text(entry.execId))}`);
  if (entry.threadId !== undefined) parts.push(`thread=${field(text(entry.threadId))}`);
  return `${parts.join(" ")} | ${escapeLogText(text(entry.message))}`;
};

const timeOf = (entry: LogFileEntry, index: number): number => {
  const time = typeof entry?.timestamp === "string" ? Date.parse(entry.timestamp) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new CoreError("CORE_INVALID_INPUT", `entries[${index}].timestamp must be an ISO-8601 date-time`);
  }
  for (const name of ["message", "stepId"] as const) {
    if (typeof entry[name] !== "string") {
      throw new CoreError("CORE_INVALID_INPUT", `entries[${index}].${name} must be a string`);
    }
  }
  if (!Number.isFinite(entry.level)) {
    throw new CoreError("CORE_INVALID_INPUT", `entries[${index}].level must be a number`);
  }
  return time;
};

/**
 * The text of a downloadable `.log` file: one line per entry, oldest first (entries with equal times keep
 * their order), each ending in `\n`; no entries give an empty text. A line reads
 *
 * ```text
 * <timestamp> <LEVEL> <stepId> <"component name" | -> [exec=<execId>] [thread=<threadId>] | <message>
 * 2026-11-25T03:13:27.825Z ERROR step_2 "REST API" exec=0a1b…e8f9 thread=6f1c…4a5b | Code: 401 Message: Unauthorized
 * ```
 *
 * The timestamp is ISO-8601 in UTC with milliseconds; the level is the upper-case name (`NONE`, `TRACE`, `DEBUG`,
 * `INFO`, `WARN`, `ERROR`, `FATAL`); the step id and ids are written as they are, or as a JSON string if they
 * hold blanks or quotes; the component name is a JSON string, `-` when unknown. The message comes last, after
 * ` | `, on the same line: backslashes, line breaks and Unicode line separators are escaped (`\\`, `\n`, `\r`,
 * `\u2028`, `\u2029`). Every text (message, step id, component name and ids) is redacted unless `options.redact` is
 * false. `parseLogLine` reads a line back.
 * Throws `CORE_INVALID_INPUT` naming the entry whose timestamp, level, step id or message is invalid.
 */
export const toLogFile = (entries: readonly LogFileEntry[], options: ToLogFileOptions = {}): string => {
  const { redact = true } = options;
  if (typeof redact !== "boolean")
    throw new CoreError("CORE_INVALID_INPUT", "options.redact must be a boolean");
  const timed = entries.map((entry, index) => ({ entry, time: timeOf(entry, index) }));
  timed.sort((a, b) => a.time - b.time);
  return timed.map(({ entry }) => `${formatLine(entry, redact)}\n`).join("");
};
