/** One request the emulator answered. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** The query string without `?`, `""` when none. */
  readonly query: string;
  /** The status sent; 0 when a fault dropped the connection. */
  readonly status: number;
  /** The authenticated user's e-mail, when authentication succeeded. */
  readonly email?: string;
  /** The W3C `traceparent` header the caller sent, if any (for tests of trace propagation). */
  readonly traceparent?: string;
}

/** Keeps the newest requests only, so a long benchmark does not grow memory without bound. */
export const REQUEST_LOG_LIMIT = 10_000;

/** The record of answered requests. */
export interface RequestLog {
  readonly entries: RecordedRequest[];
  record(entry: RecordedRequest): void;
  reset(): void;
}

/** An empty request record. */
export const createRequestLog = (): RequestLog => {
  const log: RequestLog = {
    entries: [],
    record: (entry) => {
      log.entries.push(entry);
      if (log.entries.length > REQUEST_LOG_LIMIT)
        log.entries.splice(0, log.entries.length - REQUEST_LOG_LIMIT);
    },
    reset: () => {
      log.entries.length = 0;
    },
  };
  return log;
};
