import { PlatformError } from "../errors.js";

const TIMEOUT_CODES = new Set([
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "ETIMEDOUT",
]);

/** Error codes that prove the request never reached the server, so even a state-changing request may be sent again. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause === undefined ? undefined : codeOf(cause);
};

/** The socket's or undici's code under a `PLATFORM_NETWORK` or `PLATFORM_TIMEOUT` error, e.g. `ECONNREFUSED`. */
export const networkCauseOf = (error: PlatformError): string | undefined =>
  error.code === "PLATFORM_NETWORK" || error.code === "PLATFORM_TIMEOUT" ? codeOf(error.cause) : undefined;

/** Whether a failure proves the request was never sent (connection refused, DNS, connect timeout). */
export const isNotSent = (error: unknown): boolean => {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const code = codeOf(cause ?? error);
  return code !== undefined && NOT_SENT_CODES.has(code);
};

/** Wraps an undici or socket failure as `PLATFORM_TIMEOUT` or `PLATFORM_NETWORK`, keeping it as `cause`. */
export const transportError = (
  request: { readonly method: string; readonly path: string },
  error: unknown,
) => {
  const code = codeOf(error);
  const isTimeout = code !== undefined && TIMEOUT_CODES.has(code);
  const what = isTimeout ? "timed out" : `failed on the network (${code ?? "unknown error"})`;
  return new PlatformError(
    isTimeout ? "PLATFORM_TIMEOUT" : "PLATFORM_NETWORK",
    `${request.method} ${request.path} ${what}`,
    { method: request.method, path: request.path, cause: error },
  );
};
