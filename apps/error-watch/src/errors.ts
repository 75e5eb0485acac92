/** Stable error codes of the error watch. Codes are API: add, never rename. */
export const ERROR_WATCH_ERROR_CODES = ["ERROR_WATCH_INVALID_CONFIG"] as const;
export type ErrorWatchErrorCode = (typeof ERROR_WATCH_ERROR_CODES)[number];

/** The one error class of the error watch; match on `code`, not on the class. */
export class ErrorWatchError extends Error {
  override readonly name = "ErrorWatchError";
  readonly code: ErrorWatchErrorCode;

  constructor(code: ErrorWatchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether a value is an error-watch error, also across module copies. */
export const isErrorWatchError = (value: unknown): value is ErrorWatchError =>
  value instanceof Error &&
  value.name === "ErrorWatchError" &&
  (ERROR_WATCH_ERROR_CODES as readonly string[]).includes((value as { code?: unknown }).code as string);
