import type { ErrorCode } from "../errors.js";

/** The platform client's error codes and what the gateway calls them. Unknown codes are internal. */
const UPSTREAM_CODES: Readonly<Record<string, ErrorCode>> = {
  PLATFORM_UNAUTHENTICATED: "UNAUTHENTICATED",
  PLATFORM_FORBIDDEN: "FORBIDDEN",
  PLATFORM_NOT_FOUND: "NOT_FOUND",
  PLATFORM_BAD_REQUEST: "BAD_USER_INPUT",
  PLATFORM_INVALID_INPUT: "BAD_USER_INPUT",
  PLATFORM_UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  PLATFORM_NETWORK: "UPSTREAM_UNAVAILABLE",
  PLATFORM_SERVER_ERROR: "UPSTREAM_UNAVAILABLE",
  PLATFORM_TIMEOUT: "UPSTREAM_TIMEOUT",
  PLATFORM_RATE_LIMITED: "RATE_LIMITED",
};

/**
 * The gateway code for an error of the platform client, matched on its `code` (two copies of the
 * client may be loaded, so `instanceof` is not used); undefined when it is not one.
 */
export const codeOfUpstreamError = (error: unknown): ErrorCode | undefined => {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? UPSTREAM_CODES[code] : undefined;
};
