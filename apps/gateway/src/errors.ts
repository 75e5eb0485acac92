import { GraphQLError } from "graphql";

import { ERROR_CODES, type ErrorCode } from "./error-codes.js";

export { ERROR_CODES, type ErrorCode };

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
