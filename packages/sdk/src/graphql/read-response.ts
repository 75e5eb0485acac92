import {
  type FieldProblem,
  FLOWDOCTOR_ERROR_CODES,
  FlowdoctorError,
  type FlowdoctorErrorCode,
  RETRYABLE_STATUSES,
} from "../errors.js";
import type { HttpAnswer } from "../transport/send-attempt.js";

/** A GraphQL answer: the data (possibly partial) and the errors that came with it. */
export interface FlowdoctorResult<TData> {
  readonly data: TData;
  /** Errors of fields that failed while others succeeded; empty when everything worked. */
  readonly errors: readonly FlowdoctorError[];
}

interface RawError {
  readonly message?: unknown;
  readonly path?: unknown;
  readonly extensions?: unknown;
}

interface RawResponse {
  readonly data?: unknown;
  readonly errors?: readonly RawError[];
}

const KNOWN_CODES: ReadonlySet<string> = new Set(FLOWDOCTOR_ERROR_CODES);

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const readProblems = (extensions: Record<string, unknown>, message: string): FieldProblem[] => {
  if (Array.isArray(extensions.problems)) {
    return extensions.problems.map((raw) => {
      const problem = asRecord(raw);
      const code = typeof problem.code === "string" ? { code: problem.code } : {};
      return { path: String(problem.path ?? ""), message: String(problem.message ?? ""), ...code };
    });
  }
  if (typeof extensions.argument === "string") return [{ path: extensions.argument, message }];
  return [];
};

/** A GraphQL error of an answer as a {@link FlowdoctorError}; `status` is absent over WebSocket. */
export const toError = (
  raw: RawError,
  status: number | undefined,
  operationName: string | undefined,
): FlowdoctorError => {
  const extensions = asRecord(raw.extensions);
  const sent = typeof extensions.code === "string" ? extensions.code : "";
  const code = (KNOWN_CODES.has(sent) ? sent : "UNKNOWN_ERROR") as FlowdoctorErrorCode;
  const message = typeof raw.message === "string" ? raw.message : "The gateway reported an error.";
  const path = Array.isArray(raw.path) ? { path: raw.path as (string | number)[] } : {};
  const problems = code === "BAD_USER_INPUT" ? { problems: readProblems(extensions, message) } : {};
  return new FlowdoctorError(code, message, {
    ...(operationName === undefined ? {} : { operationName }),
    ...(status === undefined ? {} : { status }),
    extensions,
    ...path,
    ...problems,
  });
};

const parse = (answer: HttpAnswer): RawResponse | undefined => {
  try {
    const body = JSON.parse(answer.text) as unknown;
    const record = asRecord(body);
    if (!("data" in record) && !Array.isArray(record.errors)) return undefined;
    return record as RawResponse;
  } catch {
    return undefined;
  }
};

const httpError = (answer: HttpAnswer, operationName: string | undefined): FlowdoctorError => {
  const isHttpFailure = answer.status < 200 || answer.status >= 300;
  const code = isHttpFailure ? "HTTP_ERROR" : "INVALID_RESPONSE";
  const hint = RETRYABLE_STATUSES.has(answer.status) ? "; the gateway may be restarting" : "";
  return new FlowdoctorError(
    code,
    `${operationName ?? "GraphQL request"} got HTTP ${answer.status} without a GraphQL answer${hint}`,
    { ...(operationName === undefined ? {} : { operationName }), status: answer.status },
  );
};

/**
 * Turns the gateway's answer into data plus errors. Throws the first error when there is no data at all
 * (the whole operation failed), `HTTP_ERROR` or `INVALID_RESPONSE` when the answer is not GraphQL.
 */
export const readResponse = <TData>(
  answer: HttpAnswer,
  operationName: string | undefined,
): FlowdoctorResult<TData> => {
  const body = parse(answer);
  if (body === undefined) throw httpError(answer, operationName);
  const errors = (body.errors ?? []).map((raw) => toError(raw, answer.status, operationName));
  if (body.data === undefined || body.data === null) {
    throw errors[0] ?? httpError(answer, operationName);
  }
  return { data: body.data as TData, errors };
};
