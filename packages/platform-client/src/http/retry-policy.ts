import { isPlatformError, type PlatformError } from "../errors.js";
import type { HttpMethod } from "./hooks.js";
import type { Transport } from "./transport.js";
import { isNotSent } from "./transport-error.js";

const IDEMPOTENT = new Set<HttpMethod>(["GET", "PUT", "DELETE"]);
const RETRIED_STATUSES = new Set([502, 503, 504]);

/**
 * Whether a failed attempt may be sent again. Idempotent requests retry on network errors, timeouts, 429 and
 * 502/503/504; a state-changing request only when the server surely did not act: refused connection, DNS, or 429.
 */
export const isRetryable = (method: HttpMethod, error: PlatformError): boolean => {
  switch (error.code) {
    case "PLATFORM_RATE_LIMITED":
      return true;
    case "PLATFORM_NETWORK":
    case "PLATFORM_TIMEOUT":
      return IDEMPOTENT.has(method) || isNotSent(error.cause);
    case "PLATFORM_UNAVAILABLE":
      return IDEMPOTENT.has(method) && error.status !== undefined && RETRIED_STATUSES.has(error.status);
    case "PLATFORM_UNAUTHENTICATED":
    case "PLATFORM_FORBIDDEN":
    case "PLATFORM_NOT_FOUND":
    case "PLATFORM_CONFLICT":
    case "PLATFORM_DECODE":
    case "PLATFORM_BAD_REQUEST":
    case "PLATFORM_INVALID_OPTION":
      return false;
    default: {
      const unknown: never = error.code;
      return unknown;
    }
  }
};

/** Exponential back-off with equal jitter: half the step fixed, half random. */
export const backoffDelay = (transport: Transport, retry: number, random = Math.random): number => {
  const step = Math.min(transport.maxRetryDelayMs, transport.retryDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + (random() * step) / 2);
};

/**
 * The wait before the next attempt, or undefined when the error must surface: not retryable, attempts used up,
 * a `Retry-After` longer than the client may wait, or the client's retry budget spent.
 */
export const retryDelay = (
  transport: Transport,
  method: HttpMethod,
  error: unknown,
  attempt: number,
): number | undefined => {
  if (!isPlatformError(error) || attempt > transport.retries) return undefined;
  if (!isRetryable(method, error)) return undefined;
  const asked = error.retryAfterMs;
  if (asked !== undefined && asked > transport.maxRetryAfterMs) return undefined;
  if (!transport.budget.tryWithdraw()) return undefined;
  return asked ?? backoffDelay(transport, attempt);
};
