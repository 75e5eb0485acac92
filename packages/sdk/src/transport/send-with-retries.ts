import { type FlowdoctorError, isFlowdoctorError, RETRYABLE_STATUSES } from "../errors.js";
import { type Attempt, type HttpAnswer, sendAttempt } from "./send-attempt.js";

/** How a request is retried. */
export interface RetryPolicy {
  /** Tries after the first; 0 for mutations. */
  readonly retries: number;
  /** First pause, doubled each time, with up to 50 % jitter. */
  readonly delayMs: number;
}

const pause = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

const isRetryableFailure = (error: unknown): error is FlowdoctorError =>
  isFlowdoctorError(error) && error.code === "NETWORK_ERROR";

/**
 * Sends the attempt, and again up to `retries` times after a network error or a 502/503/504 answer.
 * Timeouts and aborts are not retried: the caller's time is spent.
 */
export const sendWithRetries = async (attempt: Attempt, policy: RetryPolicy): Promise<HttpAnswer> => {
  for (let retry = 0; ; retry++) {
    const isLast = retry >= policy.retries;
    try {
      const answer = await sendAttempt(attempt);
      if (isLast || !RETRYABLE_STATUSES.has(answer.status)) return answer;
    } catch (error) {
      if (isLast || !isRetryableFailure(error)) throw error;
    }
    const backoff = policy.delayMs * 2 ** retry;
    await pause(backoff + Math.random() * backoff * 0.5, attempt.signal);
  }
};
