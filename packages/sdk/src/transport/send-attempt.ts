import type { Dispatcher } from "undici";
import { FlowdoctorError } from "../errors.js";

/** One POST to the gateway. */
export interface Attempt {
  readonly dispatcher: Dispatcher;
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
  const reason =
    error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
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
    const response = await attempt.dispatcher.request({
      origin: attempt.url.origin,
      path: `${attempt.url.pathname}${attempt.url.search}`,
      method: "POST",
      headers: attempt.headers,
      body: attempt.body,
      signal: controller.signal,
    });
    return { status: response.statusCode, text: await response.body.text() };
  } catch (error) {
    throw failure(attempt, error, controller.signal.reason === TIMED_OUT);
  } finally {
    clearTimeout(timer);
    attempt.signal?.removeEventListener("abort", onAbort);
  }
};
