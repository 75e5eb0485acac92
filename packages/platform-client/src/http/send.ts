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

type Attempted =
  | { readonly response: ApiResponse }
  | { readonly error: unknown; readonly delay: number | undefined };

/** One attempt with its hooks; answers the response, or the error and the delay before a retry (none: give up). */
const attemptOnce = async (
  transport: Transport,
  request: ApiRequest,
  info: RequestAttempt,
): Promise<Attempted> => {
  const hooked = transport.hooks.onRequest !== undefined || transport.hooks.onResponse !== undefined;
  const extra = hooked ? beforeAttempt(transport, info) : undefined;
  const started = hooked ? performance.now() : 0;
  try {
    const response = await sendAttempt(transport, request, extra);
    if (hooked) {
      const durationMs = performance.now() - started;
      afterAttempt(transport, { ...info, durationMs, status: response.status, willRetry: false });
    }
    return { response };
  } catch (error) {
    const delay = retryDelay(transport, request.method, error, info.attempt);
    if (hooked) {
      const durationMs = performance.now() - started;
      const failed = isPlatformError(error) ? failureOf(error) : {};
      afterAttempt(transport, { ...info, durationMs, ...failed, willRetry: delay !== undefined });
    }
    return { error, delay };
  }
};

/** The attempt inside `wrapAttempt` when there is one; the attempt runs exactly once whatever the wrapper does. */
const wrappedAttempt = async (
  transport: Transport,
  request: ApiRequest,
  info: RequestAttempt,
): Promise<Attempted> => {
  const wrap = transport.hooks.wrapAttempt;
  if (wrap === undefined) return attemptOnce(transport, request, info);
  let attempted: Promise<Attempted> | undefined;
  const run = () => {
    attempted ??= attemptOnce(transport, request, info);
    return attempted.then(() => undefined);
  };
  try {
    await wrap(info, run);
  } catch {
    // ignored on purpose, see above
  }
  return run().then(() => attempted as Promise<Attempted>);
};

/** Sends a request with retries, back-off, the retry budget and the hooks around every attempt. */
export const send = async (transport: Transport, request: ApiRequest): Promise<ApiResponse> => {
  transport.budget.deposit();
  for (let attempt = 1; ; attempt++) {
    const info: RequestAttempt = {
      method: request.method,
      path: request.path,
      attempt,
      context: request.context,
    };
    const attempted = await wrappedAttempt(transport, request, info);
    if ("response" in attempted) return attempted.response;
    if (attempted.delay === undefined) throw attempted.error;
    await sleep(attempted.delay, request.signal);
  }
};
