import type { PlatformErrorCode } from "../errors.js";

/** The HTTP methods the client uses. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** One attempt about to be sent. */
export interface RequestAttempt {
  readonly method: HttpMethod;
  /** Path and query below the base URL, e.g. `/v2/flows?workspace_id=...`. */
  readonly path: string;
  /** 1 for the first attempt, 2 for the first retry, ... */
  readonly attempt: number;
  /** Whatever the caller passed as `context` in the call options (e.g. a request id). */
  readonly context: unknown;
}

/** How one attempt ended. */
export interface AttemptOutcome extends RequestAttempt {
  /** Milliseconds from sending to the end of the body (or the failure). */
  readonly durationMs: number;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** The error code, when the attempt failed. */
  readonly errorCode?: PlatformErrorCode;
  /**
   * Why an attempt failed on the network or timed out: the socket's or undici's code, e.g. `ECONNREFUSED`,
   * `ENOTFOUND`, `CERT_HAS_EXPIRED`, `UND_ERR_HEADERS_TIMEOUT`.
   */
  readonly networkCause?: string;
  /** Whether the client will try again. */
  readonly willRetry: boolean;
}

/** Hooks called around every attempt, retries included. A throwing hook is ignored: hooks cannot break requests. */
export interface PlatformClientHooks {
  /** Before each attempt; return headers to add to it (e.g. `{ "x-request-id": id }`). */
  // biome-ignore lint/suspicious/noConfusingVoidType: hooks that add no headers are plain `() => void` functions.
  readonly onRequest?: (attempt: RequestAttempt) => Readonly<Record<string, string>> | undefined | void;
  /** After each attempt, whether it succeeded or failed. */
  readonly onResponse?: (outcome: AttemptOutcome) => void;
  /**
   * Around each attempt: call `run` once (it never rejects; `onRequest` and `onResponse` run inside it) and wait for
   * it, e.g. to make a tracing span current for the attempt. A wrapper that throws or never calls `run` changes nothing.
   */
  readonly wrapAttempt?: (attempt: RequestAttempt, run: () => Promise<void>) => Promise<void>;
}
