import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import {
  type DocumentNode,
  type GraphQLError,
  GraphQLError as GraphQLErrorClass,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  subscribe,
  validate,
} from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { type Extra, useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { GatewayContext } from "../context.js";
import type { ErrorCode } from "../errors.js";
import type { OperationGuard } from "../graphql/operation-guard.js";
import { callerOfAuthorization } from "../http/caller-of.js";
import type { Logger } from "../observability/logger.js";
import type { LiveConfig } from "./live-config.js";

/** What {@link startLiveServer} needs. */
export interface LiveServerOptions {
  readonly server: Server;
  readonly schema: GraphQLSchema;
  readonly config: LiveConfig;
  /** The largest message a client may send, in bytes (`MAX_BODY_BYTES`). */
  readonly maxMessageBytes: number;
  readonly maxQueryTokens: number;
  readonly corsOrigins: readonly string[];
  /** The same limits and per-caller budget as operations over HTTP. */
  readonly guard: OperationGuard;
  readonly createContext: (authorization: string | undefined, caller: string) => Promise<GatewayContext>;
  /** Formats an error as Apollo's `formatError` does for HTTP (codes, redaction). */
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  readonly isReady: () => boolean;
  readonly logger: Logger;
}

/** The WebSocket side of a gateway. */
export interface LiveServer {
  /** Open WebSocket connections. */
  connectionCount(): number;
  /** Closes every connection (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

const GOING_AWAY = 1001;
const CLOSE_WAIT_MS = 1000;

/** Close code for a caller past `MAX_WS_CONNECTIONS_PER_CALLER` (4000–4999 is for applications). */
export const TOO_MANY_CONNECTIONS = 4429;

type ConnectionExtra = Extra;

type ConnectionParams = Readonly<Record<string, unknown>> | undefined;

const codedError = (
  code: ErrorCode | "GRAPHQL_PARSE_FAILED" | "GRAPHQL_VALIDATION_FAILED",
  message: string,
  details = {},
) => new GraphQLErrorClass(message, { extensions: { ...details, code } });

/** The credentials of `connectionParams`: `{ authorization: "Basic …" }`, as the HTTP header (either case). */
const authorizationOf = (params: ConnectionParams): string | undefined => {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === "string" ? value : undefined;
};

const refuseUpgrade = (
  socket: Duplex,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) => {
  const lines = [`HTTP/1.1 ${status} ${text}`, "connection: close", "content-length: 0"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.end(`${lines.join("\r\n")}\r\n\r\n`);
};

/** A refused subscribe ends as the protocol's `error` message: graphql-ws sends what the iterator throws. */
const failing = (error: GraphQLError): AsyncGenerator<never> =>
  (async function* () {
    yield* [];
    throw error;
  })();

/**
 * GraphQL subscriptions over WebSocket (the `graphql-transport-ws` protocol of `graphql-ws`) on the gateway's own
 * server, at `/graphql`. Browsers' `Origin` must be in `CORS_ORIGINS`, as for HTTP; connections are bounded in total
 * (503 at the upgrade) and per caller (close 4429), messages by `MAX_BODY_BYTES`, subscriptions per connection.
 * Credentials come in `connectionParams.authorization` in the HTTP header's form and are checked at each subscribe
 * by the field itself, against the platform, exactly as queries are; refusals carry the same codes. Queries and
 * mutations are refused here: they go over HTTP, with its slots.
 */
export const startLiveServer = (options: LiveServerOptions): LiveServer => {
  const { config } = options;
  const allowedOrigins = new Set(options.corsOrigins);
  const perCaller = new Map<string, number>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/graphql") return refuseUpgrade(socket, 404, "Not Found");
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return refuseUpgrade(socket, 403, "Forbidden");
    if (!options.isReady()) return refuseUpgrade(socket, 503, "Service Unavailable");
    if (wss.clients.size >= config.maxConnections)
      return refuseUpgrade(socket, 503, "Service Unavailable", { "retry-after": "5" });
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
  };
  options.server.on("upgrade", onUpgrade);

  const countCaller = (caller: string, extra: ConnectionExtra): boolean => {
    const count = perCaller.get(caller) ?? 0;
    if (count >= config.maxConnectionsPerCaller) {
      extra.socket.close(
        TOO_MANY_CONNECTIONS,
        `RATE_LIMITED: more than ${config.maxConnectionsPerCaller} live connections for this caller`,
      );
      return false;
    }
    perCaller.set(caller, count + 1);
    extra.socket.once("close", () => {
      const left = (perCaller.get(caller) ?? 1) - 1;
      if (left <= 0) perCaller.delete(caller);
      else perCaller.set(caller, left);
    });
    return true;
  };

  const callerOf = (params: ConnectionParams, extra: ConnectionExtra) =>
    callerOfAuthorization(authorizationOf(params), extra.request.socket.remoteAddress);

  const prepare = async (
    params: ConnectionParams,
    extra: ConnectionExtra,
    subscriptions: number,
    payload: SubscribePayload,
  ) => {
    if (subscriptions > config.maxSubscriptionsPerConnection)
      return [
        codedError(
          "RATE_LIMITED",
          `At most ${config.maxSubscriptionsPerConnection} subscriptions at once on one connection; complete one first.`,
        ),
      ];
    const caller = callerOf(params, extra);
    const refusal = options.guard(payload, caller);
    if (refusal) return [codedError(refusal.code, refusal.message, refusal.details)];
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: options.maxQueryTokens });
    } catch (error) {
      return [codedError("GRAPHQL_PARSE_FAILED", (error as Error).message)];
    }
    const invalid = validate(options.schema, document);
    if (invalid.length > 0)
      return invalid.map((error) => codedError("GRAPHQL_VALIDATION_FAILED", error.message));
    if (getOperationAST(document, payload.operationName)?.operation !== "subscription")
      return [
        codedError(
          "BAD_USER_INPUT",
          "Only subscriptions go over WebSocket; send queries and mutations to /graphql over HTTP.",
        ),
      ];
    return {
      schema: options.schema,
      document,
      operationName: payload.operationName ?? null,
      variableValues: payload.variables ?? {},
      contextValue: await options.createContext(authorizationOf(params), caller),
    };
  };

  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => options.formatError(error.toJSON(), error));

  useServer<ConnectionParams>(
    {
      schema: options.schema,
      connectionInitWaitTimeout: config.initTimeoutMs,
      onConnect: (ctx) => countCaller(callerOf(ctx.connectionParams, ctx.extra), ctx.extra),
      onSubscribe: (ctx, _id, payload) =>
        prepare(ctx.connectionParams, ctx.extra, Object.keys(ctx.subscriptions).length, payload),
      subscribe: async (args) => {
        const result = await subscribe(args);
        if (Symbol.asyncIterator in result) return result;
        const [first] = result.errors ?? [codedError("INTERNAL", "The subscription did not start.")];
        return failing(first as GraphQLError);
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined
          ? undefined
          : { data: result.data ?? null, errors: format(result.errors) },
    },
    wss,
  );

  // graphql-ws prints a socket's errors to the console; ours go to the log. ws closes the socket itself (1009 for a
  // message past maxPayload, 1002 for a protocol error).
  wss.on("connection", (socket) => {
    socket.removeAllListeners("error");
    socket.on("error", (error) =>
      options.logger.info({ err: error.message }, "live connection closed on a socket error"),
    );
  });

  return {
    connectionCount: () => wss.clients.size,
    close: async () => {
      options.server.off("upgrade", onUpgrade);
      for (const client of wss.clients) client.close(GOING_AWAY, "gateway shutting down");
      const deadline = Date.now() + CLOSE_WAIT_MS;
      while (wss.clients.size > 0 && Date.now() < deadline) await sleep(20);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
};
