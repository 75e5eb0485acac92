import { FlowdoctorError } from "../errors.js";
import type { DispatcherLike, FetchFunction, FetchInit } from "./fetch-types.js";

/** One POST to the gateway. */
export interface Attempt {
  readonly fetch: FetchFunction;
  /** Passed to `fetch` as its `dispatcher` (undici's extension) when given. */
  readonly dispatcher: DispatcherLike | undefined;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly operationName: string | undefined;
}

/** The gateway's HTTP answer: status and body text. */
export interface HttpAnswer {
  readonly status: number;
  readonly text: string;
}

const TIMED_OUT = Symbol("timed out");

/** fetch wraps the socket's error: `TypeError("fetch failed")` with `cause.code` such as `ECONNREFUSED`. */
const networkReason = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (typeof cause?.code === "string") return cause.code;
  if (typeof cause?.message === "string") return `${error.message}: ${cause.message}`;
  return (error as { code?: string }).code ?? error.message;
};

const failure = (attempt: Attempt, error: unknown, timedOut: boolean): FlowdoctorError => {
  const operationName = attempt.operationName;
  const what = `${operationName ?? "GraphQL request"} to ${attempt.url.origin}${attempt.url.pathname}`;
  if (timedOut) {
    return new FlowdoctorError("TIMEOUT", `${what} got no answer within ${attempt.timeoutMs} ms`, {
      ...(operationName === undefined ? {} : { operationName }),
      cause: error,
    });
  }
  if (attempt.signal?.aborted) {
    return new FlowdoctorError("ABORTED", `${what} was aborted`, {
      ...(operationName === undefined ? {} : { operationName }),
      cause: attempt.signal.reason,
    });
  }
  const reason = networkReason(error);
  return new FlowdoctorError("NETWORK_ERROR", `${what} failed: ${reason}`, {
    ...(operationName === undefined ? {} : { operationName }),
    cause: error,
  });
};

/**
 * Sends one attempt and reads the whole answer. Rejects with `TIMEOUT` when `timeoutMs` passes first,
 * `ABORTED` when the caller's signal fires, `NETWORK_ERROR` for anything the connection does.
 */
export const sendAttempt = async (attempt: Attempt): Promise<HttpAnswer> => {
  if (attempt.signal?.aborted) throw failure(attempt, attempt.signal.reason, false);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), attempt.timeoutMs);
  const onAbort = () => controller.abort(attempt.signal?.reason);
  attempt.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const init: FetchInit = {
      method: "POST",
      headers: attempt.headers,
      body: attempt.body,
      signal: controller.signal,
    };
    if (attempt.dispatcher) Object.assign(init, { dispatcher: attempt.dispatcher });
    const response = await attempt.fetch(attempt.url.href, init);
    return { status: response.status, text: await response.text() };
  } catch (error) {
    throw failure(attempt, error, controller.signal.reason === TIMED_OUT);
  } finally {
    clearTimeout(timer);
    attempt.signal?.removeEventListener("abort", onAbort);
  }
};
