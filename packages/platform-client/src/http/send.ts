import { isPlatformError, type PlatformError } from "../errors.js";
import type { ApiRequest, ApiResponse } from "./api-request.js";
import type { AttemptOutcome, RequestAttempt } from "./hooks.js";
import { retryDelay } from "./retry-policy.js";
import { sendAttempt } from "./send-attempt.js";
import { sleep } from "./sleep.js";
import type { Transport } from "./transport.js";
import { networkCauseOf } from "./transport-error.js";

// Hooks are observers: a failing hook must not fail or change the request.
const beforeAttempt = (
  transport: Transport,
  attempt: RequestAttempt,
): Readonly<Record<string, string>> | undefined => {
  try {
    const headers = transport.hooks.onRequest?.(attempt);
    return typeof headers === "object" && headers !== null ? headers : undefined;
  } catch {
    return undefined;
  }
};

const afterAttempt = (transport: Transport, outcome: AttemptOutcome): void => {
  try {
    transport.hooks.onResponse?.(outcome);
  } catch {
    // ignored on purpose, see above
  }
};

const failureOf = (error: PlatformError) => {
  const networkCause = networkCauseOf(error);
  return {
    errorCode: error.code,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(networkCause === undefined ? {} : { networkCause }),
  };
};

/** Sends a request with retries, back-off, the retry budget and the hooks around every attempt. */
export const send = async (transport: Transport, request: ApiRequest): Promise<ApiResponse> => {
  transport.budget.deposit();
  const hooked = transport.hooks.onRequest !== undefined || transport.hooks.onResponse !== undefined;
  for (let attempt = 1; ; attempt++) {
    const info: RequestAttempt = {
      method: request.method,
      path: request.path,
      attempt,
      context: request.context,
    };
    const extra = hooked ? beforeAttempt(transport, info) : undefined;
    const started = hooked ? performance.now() : 0;
    try {
      const response = await sendAttempt(transport, request, extra);
      if (hooked) {
        const durationMs = performance.now() - started;
        afterAttempt(transport, { ...info, durationMs, status: response.status, willRetry: false });
      }
      return response;
    } catch (error) {
      const delay = retryDelay(transport, request.method, error, attempt);
      if (hooked) {
        const durationMs = performance.now() - started;
        const failed = isPlatformError(error) ? failureOf(error) : {};
        afterAttempt(transport, { ...info, durationMs, ...failed, willRetry: delay !== undefined });
      }
      if (delay === undefined) throw error;
      await sleep(delay, request.signal);
    }
  }
};
