import type { IncomingMessage, ServerResponse } from "node:http";
import { type ApolloServer, HeaderMap } from "@apollo/server";
import { type Fairness, isRefusal } from "../concurrency/fairness.js";
import type { Slots } from "../concurrency/slots.js";
import type { GatewayContext } from "../context.js";
import type { GraphQLParams, OperationGuard } from "../graphql/operation-guard.js";
import { callerOf } from "./caller-of.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { sendGraphQLError } from "./send.js";

/** What the GraphQL route needs for one request. */
export interface GraphQLRoute {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly maxBodyBytes: number;
  /** Slots for executing operations (`MAX_CONCURRENT_OPERATIONS`). */
  readonly operationSlots: Slots;
  /** Per-caller limits on operations at once. */
  readonly fairness: Fairness;
  /** Refuses operations past the limits or the caller's budget, before Apollo parses them. */
  readonly guard: OperationGuard;
  readonly createContext: (request: IncomingMessage) => Promise<GatewayContext>;
}

const toHeaderMap = (request: IncomingMessage): HeaderMap => {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
};

type Body =
  | { ok: true; value: unknown }
  | { ok: false; status: number; code: "PAYLOAD_TOO_LARGE" | "BAD_REQUEST"; message: string };

const readGraphQLBody = async (request: IncomingMessage, limit: number): Promise<Body> => {
  if (request.method !== "POST") return { ok: true, value: undefined };
  let text: string;
  try {
    text = await readBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      return {
        ok: false,
        status: 413,
        code: "PAYLOAD_TOO_LARGE",
        message: `${error.message} Send a smaller query or fewer variables.`,
      };
    }
    throw error;
  }
  if (!(request.headers["content-type"] ?? "").includes("json")) return { ok: true, value: text };
  try {
    return { ok: true, value: text === "" ? {} : JSON.parse(text) };
  } catch {
    return { ok: false, status: 400, code: "BAD_REQUEST", message: "The request body is not valid JSON." };
  }
};

const parseJson = (text: string | null): unknown => {
  try {
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The query, operation name and variables of a POST body or a GET query string. */
const paramsOf = (method: string | undefined, body: unknown, search: string): GraphQLParams => {
  if (method === "POST") return typeof body === "object" && body !== null ? body : {};
  const params = new URLSearchParams(search);
  return {
    query: params.get("query") ?? undefined,
    operationName: params.get("operationName") ?? undefined,
    variables: parseJson(params.get("variables")),
  };
};

/** Runs one HTTP request through Apollo once an operation slot is free, after enforcing the body size limit. */
export const handleGraphQL = async (
  route: GraphQLRoute,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
): Promise<void> => {
  const body = await readGraphQLBody(request, route.maxBodyBytes);
  if (!body.ok) {
    sendGraphQLError(response, body.status, { code: body.code, message: body.message });
    return;
  }
  const caller = callerOf(request);
  const refusal = route.guard(paramsOf(request.method, body.value, search), caller);
  if (refusal) {
    if (refusal.retryAfter !== undefined) response.setHeader("retry-after", String(refusal.retryAfter));
    sendGraphQLError(response, refusal.status, {
      code: refusal.code,
      message: refusal.message,
      ...refusal.details,
    });
    return;
  }
  const leave = route.fairness.enter(caller);
  if (isRefusal(leave)) {
    response.setHeader("retry-after", String(leave.retryAfterSeconds));
    sendGraphQLError(response, 429, {
      code: "RATE_LIMITED",
      message: `Too many requests at once: ${leave.reason}. Try again in ${leave.retryAfterSeconds} s.`,
      retryAfter: leave.retryAfterSeconds,
    });
    return;
  }
  try {
    await runOperation(route, request, response, search, body.value);
  } finally {
    leave();
  }
};

const runOperation = (
  route: GraphQLRoute,
  request: IncomingMessage,
  response: ServerResponse,
  search: string,
  body: unknown,
): Promise<void> =>
  route.operationSlots.run(async () => {
    const result = await route.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method ?? "GET",
        headers: toHeaderMap(request),
        search,
        body,
      },
      context: () => route.createContext(request),
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  });
