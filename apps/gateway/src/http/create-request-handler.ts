import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { context, SpanKind } from "@opentelemetry/api";
import type { GatewayContext } from "../context.js";
import type { Logger } from "../observability/logger.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { activeTraceIds, contextOfHeaders, inSpan } from "../observability/tracing.js";
import { handleCors } from "./cors.js";
import { type GraphQLRoute, handleGraphQL } from "./handle-graphql.js";
import { servePlayground } from "./playground-files.js";
import { readRequestId } from "./request-id.js";
import { sendJson } from "./send.js";

/** What the request handler serves. */
export interface RequestHandlerOptions {
  readonly graphql: Omit<GraphQLRoute, "createContext">;
  readonly createContext: (request: IncomingMessage, requestId: string) => Promise<GatewayContext>;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly playgroundDir: string;
  /** Origins allowed to call cross-origin (`CORS_ORIGINS`). */
  readonly corsOrigins: readonly string[];
  /** False while shutting down: `/readyz` answers 503 so load balancers stop sending traffic. */
  readonly isReady: () => boolean;
  /** What `/readyz` finds not usable (the platform, the ticket store); empty when all is well. */
  readonly readinessProblems: () => Promise<string[]>;
}

const answerReadiness = async (options: RequestHandlerOptions, response: ServerResponse): Promise<void> => {
  if (!options.isReady()) return sendJson(response, 503, { status: "shutting down" });
  const problems = await options.readinessProblems();
  if (problems.length === 0) return sendJson(response, 200, { status: "ready" });
  sendJson(response, 503, { status: "not ready", reason: problems.join("; ") });
};

/** A browser opening the endpoint (no operation, wants a page): it should land on the playground, not an error. */
const isBrowserVisit = (request: IncomingMessage, url: URL): boolean =>
  request.method === "GET" &&
  !url.searchParams.has("query") &&
  (request.headers.accept ?? "").includes("text/html");

const redirectToPlayground = (response: ServerResponse): void => {
  // Relative, so a proxy's path prefix in front of the gateway is kept.
  response.writeHead(302, { location: "playground", "content-length": 0 });
  response.end();
};

const route = async (
  options: RequestHandlerOptions,
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
): Promise<void> => {
  const url = new URL(request.url ?? "/", "http://gateway.invalid");
  const path = url.pathname;
  if (path === "/graphql") {
    if (isBrowserVisit(request, url)) return redirectToPlayground(response);
    const createContext = (incoming: IncomingMessage) => options.createContext(incoming, requestId);
    return handleGraphQL({ ...options.graphql, createContext }, request, response, url.search);
  }
  if (request.method !== "GET" && request.method !== "HEAD")
    return sendJson(response, 405, { error: "method not allowed" });
  if (path === "/healthz") return sendJson(response, 200, { status: "ok" });
  if (path === "/readyz") return answerReadiness(options, response);
  if (path === "/metrics") {
    const text = await options.metrics.registry.metrics();
    response.writeHead(200, { "content-type": options.metrics.registry.contentType });
    response.end(text);
    return;
  }
  if (path === "/" || path === "/playground" || path.startsWith("/playground/")) {
    return servePlayground(options.playgroundDir, path, response);
  }
  sendJson(response, 404, {
    error: "not found",
    see: ["/graphql", "/playground", "/healthz", "/readyz", "/metrics"],
  });
};

/**
 * A GraphQL request runs in a server span (named after its operation by the tracing plugin), joining the caller's
 * trace when it sends a `traceparent`; other paths are not traced.
 */
const routeInSpan = (request: IncomingMessage, routed: () => Promise<void>): Promise<void> => {
  if ((request.url ?? "/").split("?")[0] !== "/graphql") return routed();
  const start = {
    name: "graphql",
    kind: SpanKind.SERVER,
    attributes: { "http.request.method": request.method ?? "GET" },
  };
  return context.with(contextOfHeaders(request.headers), () => inSpan(start, routed));
};

/** The node:http handler: routes, request ids, one access-log line per request, no stack traces out. */
export const createRequestHandler = (options: RequestHandlerOptions) => {
  const corsOrigins = new Set(options.corsOrigins);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const requestId = readRequestId(request.headers["x-request-id"]);
    const started = performance.now();
    response.setHeader("x-request-id", requestId);
    if (!options.isReady()) response.setHeader("connection", "close");
    let traceIds: { traceId?: string } = {};
    response.on("finish", () => {
      const path = (request.url ?? "/").split("?")[0];
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      options.logger.info(
        { requestId, method: request.method, path, status: response.statusCode, durationMs, ...traceIds },
        "request",
      );
    });
    if (handleCors(corsOrigins, request, response)) return;
    const routed = () =>
      route(options, request, response, requestId).finally(() => {
        traceIds = { ...activeTraceIds() };
      });
    routeInSpan(request, routed).catch((error: unknown) => {
      options.logger.error(
        {
          requestId,
          err: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        },
        "request failed",
      );
      if (!response.headersSent)
        sendJson(response, 500, {
          errors: [{ message: "Internal error", extensions: { code: "INTERNAL" } }],
        });
      else response.destroy();
    });
  };
};
