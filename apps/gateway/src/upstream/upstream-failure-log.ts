import { redactSecrets } from "@flowdoctor/core";
import type { Logger } from "../observability/logger.js";
import { upstreamOperation } from "./upstream-operation.js";

/** A platform request that did not reach the platform, or got no answer in time. */
export interface UpstreamFailure {
  readonly method: string;
  /** Path (and query, which is never logged) below the platform's base URL, e.g. `/v2/users/me`. */
  readonly path: string;
  /** The socket's or undici's code, e.g. `ECONNREFUSED`, `ENOTFOUND`, `CERT_HAS_EXPIRED`, `UND_ERR_HEADERS_TIMEOUT`. */
  readonly cause: string;
  readonly requestId?: string;
  /** Attempts made, retries included. */
  readonly attempts?: number;
}

/** Options of {@link createUpstreamFailureLog}. */
export interface UpstreamFailureLogOptions {
  readonly logger: Logger;
  /** The platform's base URL (origin and path prefix, no credentials: the configuration refuses them). */
  readonly baseUrl: string;
  /** The same operation failing for the same cause again within this window is counted, not logged. @default 10000 */
  readonly windowMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

interface Window {
  readonly until: number;
  repeats: number;
}

/**
 * Logs each platform request that failed to connect or timed out, as one error line with the URL (without the
 * query) and the cause. While the platform stays down, the same operation and cause are logged at most once per
 * window; the next line tells how many repeats were left out.
 */
export const createUpstreamFailureLog = (options: UpstreamFailureLogOptions) => {
  const windowMs = options.windowMs ?? 10_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();
  return (failure: UpstreamFailure): void => {
    const operation = upstreamOperation(failure.method, failure.path);
    const key = `${operation} ${failure.cause}`;
    const at = now();
    const window = windows.get(key);
    if (window !== undefined && at < window.until) {
      window.repeats += 1;
      return;
    }
    windows.set(key, { until: at + windowMs, repeats: 0 });
    const path = failure.path.split("?")[0] ?? "";
    options.logger.error(
      {
        ...(failure.requestId === undefined ? {} : { requestId: failure.requestId }),
        url: redactSecrets(`${options.baseUrl}${path}`),
        operation,
        cause: failure.cause,
        ...(failure.attempts === undefined ? {} : { attempts: failure.attempts }),
        ...(window?.repeats ? { repeatsNotLogged: window.repeats } : {}),
      },
      "the platform could not be reached",
    );
  };
};
