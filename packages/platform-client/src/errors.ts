/** Stable error codes of the platform client. Codes are API: add, never rename. */
export const PLATFORM_ERROR_CODES = [
  "PLATFORM_UNAUTHENTICATED",
  "PLATFORM_FORBIDDEN",
  "PLATFORM_NOT_FOUND",
  "PLATFORM_CONFLICT",
  "PLATFORM_RATE_LIMITED",
  "PLATFORM_UNAVAILABLE",
  "PLATFORM_TIMEOUT",
  "PLATFORM_NETWORK",
  "PLATFORM_DECODE",
  "PLATFORM_BAD_REQUEST",
  "PLATFORM_INVALID_OPTION",
] as const;
export type PlatformErrorCode = (typeof PLATFORM_ERROR_CODES)[number];

/** What a platform error knows about the request that failed. Never the credentials. */
export interface PlatformErrorDetails {
  /** HTTP method of the failed request, e.g. `GET`. */
  readonly method?: string;
  /** Path and query of the failed request, e.g. `/v2/flows/585918da586224001b96de89`. */
  readonly path?: string;
  /** HTTP status, when the platform answered. */
  readonly status?: number;
  /** `errors[0].title` of the platform's error envelope. */
  readonly title?: string;
  /** `errors[0].detail` of the platform's error envelope. */
  readonly detail?: string;
  /** For `PLATFORM_RATE_LIMITED`: how long the server asked to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * The one error class the platform client throws; match on `code`, not on the class
 * (two copies of the package may be loaded).
 */
export class PlatformError extends Error {
  override readonly name = "PlatformError";
  readonly code: PlatformErrorCode;
  readonly method: string | undefined;
  readonly path: string | undefined;
  readonly status: number | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: PlatformErrorCode, message: string, details: PlatformErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.title = details.title;
    this.detail = details.detail;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Whether a value is a platform client error, also across module copies (matches on name and code). */
export const isPlatformError = (value: unknown): value is PlatformError =>
  value instanceof Error &&
  value.name === "PlatformError" &&
  (PLATFORM_ERROR_CODES as readonly string[]).includes((value as { code?: unknown }).code as string);
