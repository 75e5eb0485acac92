import type { IsoDateTime, ObjectId } from "./platform.js";

/** The platform's log levels: Bunyan numbers, plus 1 for "None" (the default when no level is passed). */
export const LOG_LEVELS = {
  none: 1,
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
} as const;
export type LogLevelName = keyof typeof LOG_LEVELS;
export type LogLevelNumber = (typeof LOG_LEVELS)[LogLevelName];

const NAMES_BY_NUMBER = new Map<number, LogLevelName>(
  Object.entries(LOG_LEVELS).map(([name, level]) => [level, name as LogLevelName]),
);

/** The name of a log level number; numbers between levels take the name of the level below. */
export const logLevelName = (level: number): LogLevelName => {
  const exact = NAMES_BY_NUMBER.get(level);
  if (exact) return exact;
  let best: LogLevelName = "none";
  for (const [name, value] of Object.entries(LOG_LEVELS)) {
    if (value <= level) best = name as LogLevelName;
  }
  return best;
};

export const isLogLevelNumber = (value: unknown): value is LogLevelNumber =>
  typeof value === "number" && NAMES_BY_NUMBER.has(value);

/** Error and fatal entries: what the error inbox is built from. */
export const isErrorLevel = (level: number): boolean => level >= LOG_LEVELS.error;

/** One hit of `GET /v2/logs`. */
export interface LogEntry {
  /** UUID. */
  readonly id: string;
  readonly timestamp: IsoDateTime;
  readonly level: number;
  readonly message: string;
  readonly workspaceId: ObjectId;
  readonly flowId: ObjectId;
  readonly stepId: string;
  readonly userId?: ObjectId;
  readonly componentId?: ObjectId;
  readonly componentName?: string;
  readonly containerId?: string;
  /** The step container run (32-hex). */
  readonly execId?: string;
  /** The execution: the path of one initial message through the flow (UUID). */
  readonly threadId?: string;
  readonly method?: string;
}
