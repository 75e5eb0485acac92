import type { LogLevelName } from "../model/log-entry.js";

/** What a line of a `.log` file holds; every `LogEntry` qualifies. */
export interface LogFileEntry {
  /** ISO-8601 date-time. */
  readonly timestamp: string;
  /** Bunyan level number (`LOG_LEVELS`). */
  readonly level: number;
  readonly stepId: string;
  readonly componentName?: string;
  readonly execId?: string;
  readonly threadId?: string;
  readonly message: string;
}

/** One line of a `.log` file, read back by `parseLogLine`. */
export interface ParsedLogLine extends LogFileEntry {
  readonly levelName: LogLevelName;
}

/** Options of `toLogFile`. */
export interface ToLogFileOptions {
  /**
   * Pass every text of a line (message, step id, component name, ids) through `redactSecrets`: the file leaves the
   * process.
   * @default true
   */
  readonly redact?: boolean;
}
