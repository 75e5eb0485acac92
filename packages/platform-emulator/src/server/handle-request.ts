import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError, errorEnvelope } from "../http/api-error.js";
import { authenticate } from "../http/authenticate.js";
import { parseQuery } from "../http/query.js";
import type { ApiResponse, RouteMatch } from "../http/router.js";
import type { EmulatorState } from "./emulator-state.js";
import type { FaultRule, FaultSet } from "./faults.js";
import { readJsonBody } from "./read-body.js";
import type { RequestLog } from "./request-log.js";
import { sendJson } from "./send.js";

/** What the request pipeline needs from the emulator. */
export interface RequestPipeline {
  readonly state: EmulatorState;
  readonly route: (method: string, path: string) => RouteMatch;
  readonly faults: FaultSet;
  readonly log: RequestLog;
  readonly now: () => number;
  /** Set once the server listens. */
  readonly base: { url: string };
}

interface Outcome {
  readonly response: ApiResponse;
  readonly email?: string;
}

const errorResponse = (error: ApiError): ApiResponse => ({
  status: error.status,
  body: errorEnvelope(error),
  headers: error.headers,
});

const faultError = (fault: FaultRule & { status: number }): ApiError => {
  const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
  return new ApiError(fault.status, "Injected fault: the emulator was told to fail this request.", {
    headers,
  });
};

/** The request target split into path and query string. */
interface Target {
  readonly path: string;
  readonly search: string;
}

/** Routes, authenticates and runs the handler; every failure becomes the platform's error envelope. */
const answer = async (
  pipeline: RequestPipeline,
  request: IncomingMessage,
  { path, search }: Target,
): Promise<Outcome> => {
  const method = request.method ?? "GET";
  const match = pipeline.route(method, path);
  if (match.kind === "not-found") throw new ApiError(404, `No route for ${method} ${path}`);
  if (match.kind === "method-not-allowed") {
    throw new ApiError(405, `Method ${method} is not allowed on ${path}`, {
      headers: { allow: match.allowed.join(", ") },
    });
  }
  const user = authenticate(pipeline.state, request.headers.authorization);
  const body = method === "GET" || method === "DELETE" ? undefined : await readJsonBody(request);
  const context = {
    state: pipeline.state,
    user,
    params: match.params,
    query: parseQuery(search),
    body,
    now: pipeline.now,
    baseUrl: pipeline.base.url,
  };
  try {
    return { response: match.route.handler(context), email: user.email };
  } catch (error) {
    if (error instanceof ApiError) return { response: errorResponse(error), email: user.email };
    throw error;
  }
};

const safeAnswer = async (
  pipeline: RequestPipeline,
  request: IncomingMessage,
  target: Target,
): Promise<Outcome> => {
  try {
    return await answer(pipeline, request, target);
  } catch (error) {
    if (error instanceof ApiError) return { response: errorResponse(error) };
    // Never a stack trace in an answer; the emulator's own bugs show as a plain 500.
    return { response: errorResponse(new ApiError(500, "Internal server error")) };
  }
};

/** Handles one HTTP request: faults first, then the API. */
export const handleRequest = async (
  pipeline: RequestPipeline,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const url = request.url ?? "/";
  const queryStart = url.indexOf("?");
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  const search = queryStart < 0 ? "" : url.slice(queryStart + 1);
  const method = request.method ?? "GET";
  const traceparent = request.headers.traceparent;
  const traced = typeof traceparent === "string" ? { traceparent } : {};
  const fault = pipeline.faults.take(method, path);
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault?.dropConnection) {
    pipeline.log.record({ method, path, query: search, status: 0, ...traced });
    request.socket.destroy();
    return;
  }
  const outcome =
    fault?.status === undefined
      ? await safeAnswer(pipeline, request, { path, search })
      : { response: errorResponse(faultError({ ...fault, status: fault.status })) };
  const { response: result, email } = outcome;
  const who = email ? { email } : {};
  pipeline.log.record({ method, path, query: search, status: result.status, ...who, ...traced });
  const sending = sendJson(response, {
    status: result.status,
    body: result.body,
    ...(result.headers ? { headers: result.headers } : {}),
    ...(fault?.slowBodyMs ? { slowBodyMs: fault.slowBodyMs } : {}),
  });
  result.after?.();
  await sending;
};
