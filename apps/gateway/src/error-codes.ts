// No imports: the playground's browser bundle reads these descriptions too.

/**
 * The error codes a GraphQL client may branch on, sent as `extensions.code`. Codes are API: add, never rename.
 * Each says what happened and whether trying again later can help.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { retryable: false, description: "No credentials, or the platform rejected them." },
  FORBIDDEN: { retryable: false, description: "The credentials are valid but may not see this resource." },
  NOT_FOUND: { retryable: false, description: "The resource does not exist or is not visible to this user." },
  BAD_USER_INPUT: { retryable: false, description: "An argument breaks a rule; the message names it." },
  QUERY_TOO_COMPLEX: {
    retryable: false,
    description: "The query is deeper or costlier than the gateway allows; ask for less.",
  },
  PAYLOAD_TOO_LARGE: {
    retryable: false,
    description: "The request body is larger than the gateway accepts.",
  },
  UPSTREAM_UNAVAILABLE: { retryable: true, description: "The platform could not be reached or failed." },
  UPSTREAM_TIMEOUT: { retryable: true, description: "The platform did not answer in time." },
  RATE_LIMITED: {
    retryable: true,
    description:
      "The platform, or the gateway's per-caller limits, asked us to slow down; `retryAfter` gives the seconds to wait when known.",
  },
  STORE_UNAVAILABLE: {
    retryable: true,
    description:
      "The gateway's database could not be reached or restarted during the request; nothing was half-written. Retrying is safe (a submission with its idempotency key).",
  },
  INTERNAL: {
    retryable: false,
    description: "Something failed inside the gateway; the logs have the details.",
  },
} as const satisfies Record<string, { retryable: boolean; description: string }>;

/** A code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;
