import { redactObject } from "@flowdoctor/core";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ERROR_CODES, type ErrorCode, isErrorCode } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { describeUpstreamError } from "../upstream/describe-upstream-error.js";
import { isStoreUnavailable } from "./store-unavailable.js";
import { codeOfUpstreamError } from "./upstream-error-code.js";

/** Apollo's own codes for a request it could not parse or validate: safe to show as they are. */
const APOLLO_CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** The error a resolver threw, under GraphQL's wrappers. */
const unwrap = (error: unknown): unknown => {
  let current = error;
  while (current instanceof GraphQLError && current.originalError !== undefined)
    current = current.originalError;
  return current;
};

/** Options of {@link createFormatError}. */
export interface FormatErrorOptions {
  /** Development mode: keep stack traces and internal messages in responses. */
  readonly isDevelopment: boolean;
  /** Receives internal errors, which the response does not describe. */
  readonly logger: Logger;
}

const INTERNAL_MESSAGE = "Internal error; the gateway's log has the details.";

const withoutInternals = (formatted: GraphQLFormattedError, code: string, message?: string) => {
  const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, message: message ?? formatted.message, extensions: { ...extensions, code } };
};

/** An error with the gateway's code, message and extensions, before redaction. */
const formatWithCode =
  (options: FormatErrorOptions) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    const ownCode = formatted.extensions?.code;
    if (isErrorCode(ownCode) && ownCode !== "INTERNAL") {
      return options.isDevelopment ? formatted : withoutInternals(formatted, ownCode);
    }
    if (typeof ownCode === "string" && APOLLO_CLIENT_CODES.has(ownCode)) {
      return options.isDevelopment ? formatted : withoutInternals(formatted, ownCode);
    }
    const upstream = codeOfUpstreamError(original);
    const code: ErrorCode = upstream ?? (isStoreUnavailable(original) ? "STORE_UNAVAILABLE" : "INTERNAL");
    if (upstream === undefined) {
      options.logger.error(
        {
          err:
            original instanceof Error ? { name: original.name, message: original.message } : String(original),
        },
        code === "INTERNAL"
          ? "internal error while answering a GraphQL request"
          : "the database was out of reach while answering a GraphQL request",
      );
    }
    if (options.isDevelopment) return { ...formatted, extensions: { ...formatted.extensions, code } };
    const message =
      upstream !== undefined
        ? describeUpstreamError(original, upstream)
        : code === "INTERNAL"
          ? INTERNAL_MESSAGE
          : ERROR_CODES.STORE_UNAVAILABLE.description;
    return withoutInternals(formatted, code, message);
  };

/** Seconds the platform asked to wait (its Retry-After), carried by the client's error. */
const retryAfterOf = (error: unknown): number | undefined => {
  const ms = (unwrap(error) as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof ms === "number" && Number.isFinite(ms) && ms >= 0 ? Math.ceil(ms / 1000) : undefined;
};

/**
 * What a client needs to decide on a retry: `retryable` from the error table (Apollo's parse and validation codes are
 * never retryable) and, for `RATE_LIMITED`, `retryAfter` in seconds when known.
 */
const withRetryHints = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
  const code = formatted.extensions?.code;
  const retryable = isErrorCode(code) ? ERROR_CODES[code].retryable : false;
  const known = formatted.extensions?.retryAfter;
  const retryAfter =
    code === "RATE_LIMITED" ? (typeof known === "number" ? known : retryAfterOf(error)) : undefined;
  return {
    ...formatted,
    extensions: { ...formatted.extensions, retryable, ...(retryAfter === undefined ? {} : { retryAfter }) },
  };
};

/**
 * Apollo's `formatError`: every error leaves with a code of the gateway's table (or Apollo's own
 * parse/validation codes); upstream failures are mapped and described without the platform's REST paths
 * (`describeUpstreamError`), with `retryable` (and `retryAfter` when rate limited); anything unexpected becomes `INTERNAL` with a generic message and is logged. Stacks
 * and internal messages go out only in development. Every error leaves redacted (`redactObject`: message, extensions, a development stack), as answers do.
 */
export const createFormatError = (options: FormatErrorOptions) => {
  const format = formatWithCode(options);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    redactObject(withRetryHints(format(formatted, error), error));
};
