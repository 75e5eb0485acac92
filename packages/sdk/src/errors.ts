/**
 * Codes the gateway sends as `extensions.code`, including Apollo's own codes for requests it could not
 * parse or validate. Codes are API: add, never rename.
 */
export const GATEWAY_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "QUERY_TOO_COMPLEX",
  "PAYLOAD_TOO_LARGE",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "RATE_LIMITED",
  "STORE_UNAVAILABLE",
  "INTERNAL",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
] as const;

/** Codes of failures the SDK detects itself, before or around the gateway's answer. */
export const CLIENT_ERROR_CODES = [
  /** The connection failed: refused, reset, DNS, closed mid-answer. */
  "NETWORK_ERROR",
  /** No complete answer within `timeoutMs`. */
  "TIMEOUT",
  /** The caller's `signal` aborted the request. */
  "ABORTED",
  /** An HTTP status without a GraphQL answer, e.g. 502 from a proxy. */
  "HTTP_ERROR",
  /** The answer was not a GraphQL response (not JSON, or neither `data` nor `errors`). */
  "INVALID_RESPONSE",
  /** A GraphQL error whose `extensions.code` the SDK does not know; `extensions` keeps it. */
  "UNKNOWN_ERROR",
  /** `createFlowdoctorClient` or a call got an option that breaks a rule; the message names it. */
  "INVALID_OPTION",
] as const;

/** Every code a {@link FlowdoctorError} can carry. */
export const FLOWDOCTOR_ERROR_CODES = [...GATEWAY_ERROR_CODES, ...CLIENT_ERROR_CODES] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type FlowdoctorErrorCode = (typeof FLOWDOCTOR_ERROR_CODES)[number];

/** One thing wrong with an argument or input field of a `BAD_USER_INPUT` error. */
export interface FieldProblem {
  /** The argument or input path, e.g. `first` or `ticket.title`. */
  readonly path: string;
  readonly message: string;
  /** The gateway's problem code, when it sends one (e.g. `REQUIRED`). */
  readonly code?: string;
}

/** What a {@link FlowdoctorError} knows besides its code and message. */
export interface FlowdoctorErrorDetails {
  /** The operation's name, e.g. `DiagnoseFlow`. */
  readonly operationName?: string;
  /** HTTP status of the gateway's answer, when there was one. */
  readonly status?: number;
  /** The GraphQL path of the field that failed, e.g. `["flow", "author"]`. */
  readonly path?: readonly (string | number)[];
  /** For `BAD_USER_INPUT`: every problem the gateway listed. */
  readonly problems?: readonly FieldProblem[];
  /** The GraphQL error's `extensions`, as sent. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * The one error class the SDK throws or returns; match on `code`, not on the class (two copies of the
 * package may be loaded). Never carries credentials.
 */
export class FlowdoctorError extends Error {
  override readonly name = "FlowdoctorError";
  readonly code: FlowdoctorErrorCode;
  readonly operationName: string | undefined;
  readonly status: number | undefined;
  readonly path: readonly (string | number)[] | undefined;
  readonly problems: readonly FieldProblem[];
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: FlowdoctorErrorCode, message: string, details: FlowdoctorErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.operationName = details.operationName;
    this.status = details.status;
    this.path = details.path;
    this.problems = details.problems ?? [];
    this.extensions = details.extensions ?? {};
  }

  /** Whether trying the same request again later can succeed. */
  get retryable(): boolean {
    if (this.code === "HTTP_ERROR") return this.status !== undefined && RETRYABLE_STATUSES.has(this.status);
    return RETRYABLE_CODES.has(this.code);
  }
}

const RETRYABLE_CODES: ReadonlySet<FlowdoctorErrorCode> = new Set([
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "RATE_LIMITED",
  "STORE_UNAVAILABLE",
  "NETWORK_ERROR",
  "TIMEOUT",
]);

/** HTTP statuses of a gateway or proxy that is briefly away; the only statuses a query is retried on. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** Whether a value is an SDK error, also across module copies (matches on name and code). */
export const isFlowdoctorError = (value: unknown): value is FlowdoctorError =>
  value instanceof Error &&
  value.name === "FlowdoctorError" &&
  (FLOWDOCTOR_ERROR_CODES as readonly string[]).includes((value as { code?: unknown }).code as string);
