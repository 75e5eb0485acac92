import { CoreError } from "../errors.js";
import { LOG_LEVELS, type LogLevelName } from "../model/log-entry.js";
import { unescapeLogText } from "./escape-log-text.js";
import type { ParsedLogLine } from "./log-file-line.js";

const QUOTED_OR_TOKEN = String.raw`("(?:[^"\\]|\\.)*"|[^\s"]+)`;
const LINE = new RegExp(
  String.raw`^(\S+) ([A-Z]+) ${QUOTED_OR_TOKEN} ("(?:[^"\\]|\\.)*"|-)(?: exec=${QUOTED_OR_TOKEN})?(?: thread=${QUOTED_OR_TOKEN})? \| (.*)$`,
);

const invalid = (rule: string): CoreError => new CoreError("CORE_INVALID_INPUT", `log line ${rule}`);
const unquote = (field: string): string => (field.startsWith('"') ? (JSON.parse(field) as string) : field);

const levelOf = (name: string): LogLevelName => {
  const levelName = name.toLowerCase();
  if (!Object.hasOwn(LOG_LEVELS, levelName))
    throw invalid(`level must be one of NONE, TRACE, DEBUG, INFO, WARN, ERROR, FATAL`);
  return levelName as LogLevelName;
};

/**
 * Reads back one line written by `toLogFile` (without its line break). Throws `CORE_INVALID_INPUT` when the
 * line does not have that format or its timestamp or level is invalid.
 */
export const parseLogLine = (line: string): ParsedLogLine => {
  const match = LINE.exec(line);
  if (match === null)
    throw invalid("must read `<timestamp> <LEVEL> <stepId> <component> [exec=…] [thread=…] | <message>`");
  const [, timestamp = "", level = "", stepId = "", component = "-", execId, threadId, message = ""] = match;
  if (Number.isNaN(Date.parse(timestamp))) throw invalid("timestamp must be an ISO-8601 date-time");
  const levelName = levelOf(level);
  return {
    timestamp,
    level: LOG_LEVELS[levelName],
    levelName,
    stepId: unquote(stepId),
    ...(component === "-" ? {} : { componentName: unquote(component) }),
    ...(execId === undefined ? {} : { execId: unquote(execId) }),
    ...(threadId === undefined ? {} : { threadId: unquote(threadId) }),
    message: unescapeLogText(message),
  };
};

/** Reads back a whole `.log` text written by `toLogFile`; errors name the line number. */
export const parseLogFile = (text: string): ParsedLogLine[] =>
  text
    .split(/\r?\n/)
    .filter((line, index, lines) => line !== "" || index < lines.length - 1)
    .map((line, index) => {
      try {
        return parseLogLine(line);
      } catch (error) {
        throw new CoreError("CORE_INVALID_INPUT", `line ${index + 1}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    });
