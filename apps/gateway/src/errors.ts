import { GraphQLError } from "graphql";

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
  INTERNAL: {
    retryable: false,
    description: "Something failed inside the gateway; the logs have the details.",
  },
} as const satisfies Record<string, { retryable: boolean; description: string }>;

/** A code of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a value is one of the gateway's GraphQL error codes. */
export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.hasOwn(ERROR_CODES, value);

/**
 * Codes of errors the gateway throws outside GraphQL (start-up, configuration). `GATEWAY_STORE_LOCKED`: another
 * gateway holds the embedded store of this `DATA_DIR`.
 */
export const GATEWAY_ERROR_CODES = [
  "GATEWAY_INVALID_CONFIG",
  "GATEWAY_START_FAILED",
  "GATEWAY_STORE_LOCKED",
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** The one error class the gateway throws outside GraphQL; match on `code`, not on the class. */
export class GatewayError extends Error {
  override readonly name = "GatewayError";
  readonly code: GatewayErrorCode;

  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether a value is a gateway error, also across module copies (matches on name and code). */
export const isGatewayError = (value: unknown): value is GatewayError =>
  value instanceof Error &&
  value.name === "GatewayError" &&
  (GATEWAY_ERROR_CODES as readonly string[]).includes((value as { code?: unknown }).code as string);

/** Extra, safe-to-show facts that go into `extensions` beside the code. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

/** A GraphQL error a client may branch on: `extensions.code` is one of {@link ERROR_CODES}. */
export class GatewayGraphQLError extends GraphQLError {
  override readonly name = "GatewayGraphQLError";
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { details?: ErrorDetails; cause?: unknown }) {
    super(message, {
      extensions: { ...options?.details, code },
      ...(options?.cause instanceof Error ? { originalError: options.cause } : {}),
    });
    this.code = code;
  }
}
