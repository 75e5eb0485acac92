import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { ApolloServer } from "@apollo/server";
import { createEventFeed, type EventFeed } from "@flowdoctor/inbox";
import { createAuthCache } from "../auth/auth-cache.js";
import { createSessionGetter } from "../auth/create-session.js";
import { createFairness } from "../concurrency/fairness.js";
import { createSlots, type Slots } from "../concurrency/slots.js";
import type { GatewayConfig } from "../config/config.js";
import type { GatewayContext, UpstreamMode } from "../context.js";
import { GatewayError } from "../errors.js";
import { type CreateApolloOptions, createApollo } from "../graphql/create-apollo.js";
import { createFormatError } from "../graphql/format-error.js";
import { createOperationGuard } from "../graphql/operation-guard.js";
import { type RunningWatcher, startWatcher } from "../inbox/start-watcher.js";
import { type LiveServer, startLiveServer } from "../live/live-server.js";
import { createLogger, type Logger } from "../observability/logger.js";
import { createMetrics, type GatewayMetrics, observeLive, observeSlots } from "../observability/metrics.js";
import { buildGatewaySchema } from "../schema/build-gateway-schema.js";
import { startTickets, type Tickets } from "../tickets/start-tickets.js";
import { createComponentCache } from "../upstream/component-cache.js";
import { createUpstream, type DemoUser, type Upstream } from "../upstream/create-upstream.js";
import { callerOf } from "./caller-of.js";
import { createRequestHandler } from "./create-request-handler.js";
import { DEFAULT_PLAYGROUND_DIR } from "./playground-files.js";
import { createReadinessCheck, ticketStoreProbe } from "./readiness.js";

/** Options of {@link startGateway}. */
export interface StartGatewayOptions {
  /** The validated configuration (see `loadConfig`). */
  readonly config: GatewayConfig;
  /** @default a JSON logger on standard output at `config.logLevel` */
  readonly logger?: Logger;
  /** Where the built playground lives. @default the package's `dist/playground` */
  readonly playgroundDir?: string;
}

/** A running gateway. */
export interface Gateway {
  /** The base URL, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** `${url}/graphql` */
  readonly graphqlUrl: string;
  /** `${url}/playground` */
  readonly playgroundUrl: string;
  readonly upstreamMode: UpstreamMode;
  /** The platform's base URL: PLATFORM_API_URL, or the embedded emulator's local URL. */
  readonly upstreamUrl: string;
  /** The embedded emulator's demo logins; empty when serving a real platform. */
  readonly demoUsers: readonly DemoUser[];
  readonly metrics: GatewayMetrics;
  /** The ticket store, service and outbox worker. */
  readonly tickets: Tickets;
  /** The error inbox's watcher, when `INBOX_WATCH` names workspaces. */
  readonly watcher: RunningWatcher | undefined;
  /** Live updates: the feed of inbox events and the WebSocket server that serves subscriptions. */
  readonly live: { readonly feed: EventFeed; readonly server: LiveServer };
  /** Stops taking requests, lets those in flight finish (up to `shutdownTimeoutMs`), then closes. Idempotent. */
  close(): Promise<void>;
}

// Short, so a load balancer's /readyz poll gets an answer well inside its own timeout.
const READINESS_PROBE_TIMEOUT_MS = 2_000;

const listen = (server: Server, config: GatewayConfig): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new GatewayError(
          "GATEWAY_START_FAILED",
          `cannot listen on ${config.host}:${config.port} (${error.code ?? error.message}); set PORT or HOST to a free address`,
          { cause: error },
        ),
      ),
    );
    server.listen(config.port, config.host, () => {
      server.removeAllListeners("error");
      resolve(server.address() as AddressInfo);
    });
  });

const baseUrl = (address: AddressInfo): string => {
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${address.port}`;
};

interface Drain {
  readonly server: Server;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly upstream: Upstream;
  readonly tickets: Tickets;
  readonly watcher: RunningWatcher | undefined;
  readonly live: { readonly feed: EventFeed; readonly server: LiveServer };
  readonly inFlight: () => number;
  readonly timeoutMs: number;
}

const drain = async ({
  server,
  apollo,
  upstream,
  tickets,
  watcher,
  live,
  inFlight,
  timeoutMs,
}: Drain): Promise<void> => {
  await live.server.close();
  await live.feed.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = Date.now() + timeoutMs;
  while (inFlight() > 0 && Date.now() < deadline) await sleep(20);
  server.closeAllConnections();
  await closed;
  await apollo.stop();
  await watcher?.close();
  await upstream.close();
  await tickets.close();
};

interface ContextDeps {
  readonly config: GatewayConfig;
  readonly scanSlots: Slots;
  readonly logger: Logger;
  readonly upstream: Upstream;
  readonly tickets: Tickets;
  readonly feed: EventFeed;
}

/**
 * Builds each GraphQL operation's context, over HTTP from the request, over WebSocket from the connection's
 * credentials; credentials are checked only when a field needs the platform.
 */
const createContextFactory = ({ config, scanSlots, logger, upstream, tickets, feed }: ContextDeps) => {
  const authCache = createAuthCache({ ttlMs: config.authCacheTtlMs });
  const componentCache = createComponentCache({ ttlMs: config.componentCacheTtlMs });
  const build = (authorization: string | undefined, caller: string, requestId: string): GatewayContext => ({
    requestId,
    logger: logger.child({ requestId }),
    limits: config.limits,
    caller,
    scanSlots,
    upstreamMode: upstream.mode,
    demoUsers: upstream.demoUsers,
    ...createSessionGetter({ authorization, requestId, upstream, authCache, componentCache }),
    tickets: tickets.service,
    inbox: tickets.inbox,
    alertChannels: [...tickets.alertChannels.values()].map(({ name, kind }) => ({ name, kind })),
    live: { feed, recheckMs: config.live.recheckMs },
    freshSession: () =>
      createSessionGetter({ authorization, requestId, upstream, authCache, componentCache }).session(),
  });
  return {
    forRequest: async (request: IncomingMessage, requestId: string) =>
      build(request.headers.authorization, callerOf(request), requestId),
    forSocket: async (authorization: string | undefined, caller: string) =>
      build(authorization, caller, randomUUID()),
  };
};

/** A node:http server that counts the requests in flight, for draining. */
const createCountingServer = (handler: RequestListener): { server: Server; inFlight: () => number } => {
  let active = 0;
  const server = createServer((request, response) => {
    active += 1;
    response.once("close", () => {
      active -= 1;
    });
    handler(request, response);
  });
  return { server, inFlight: () => active };
};

/** Apollo with the schema, started; the upstream is closed again if that fails. */
const startApollo = async (options: Omit<CreateApolloOptions, "schema">, upstream: Upstream) => {
  try {
    const schema = await buildGatewaySchema();
    const apollo = createApollo({ schema, ...options });
    await apollo.start();
    return { apollo, schema };
  } catch (error) {
    await upstream.close();
    throw error;
  }
};

/**
 * Starts the gateway on node:http: `/graphql` (Apollo), `/` and `/playground` (the bundled GraphiQL),
 * `/healthz`, `/readyz` (503 while the platform or the ticket store is not usable) and `/metrics`. Without
 * `config.platformApiUrl` it also starts the emulator's demo scenario. Throws `GATEWAY_START_FAILED` when it cannot
 * listen or open the ticket store, `GATEWAY_STORE_LOCKED` when another gateway holds its `DATA_DIR`.
 */
export const startGateway = async (options: StartGatewayOptions): Promise<Gateway> => {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const scanSlots = createSlots(config.limits.maxConcurrentScans);
  const operationSlots = createSlots(config.limits.maxConcurrentOperations);
  const fairness = createFairness({
    maxConcurrentPerCaller: config.limits.maxConcurrentOperationsPerCaller,
    maxCostPerMinute: config.limits.maxCostPerMinute,
  });
  observeSlots(metrics, scanSlots, operationSlots);
  const tickets = await startTickets({
    config: config.tickets,
    alertChannels: config.alerts.channels,
    ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }),
    logger,
  });
  const upstream = await createUpstream({
    ...(config.platformApiUrl === undefined ? {} : { platformApiUrl: config.platformApiUrl }),
    metrics,
    logger,
    timeoutMs: config.upstreamTimeoutMs,
  }).catch(async (error: unknown) => {
    await tickets.close();
    throw error;
  });
  const { apollo, schema } = await startApollo({ config, logger, metrics }, upstream).catch(
    async (error: unknown) => {
      await tickets.close();
      throw error;
    },
  );
  const watcher = await startWatcher({
    config: config.inbox,
    alerts: config.alerts,
    onAlertsQueued: () => tickets.worker.wake(),
    database: tickets.database,
    upstreamUrl: upstream.baseUrl,
    logger,
  }).catch(async (error: unknown) => {
    await apollo.stop();
    await upstream.close();
    await tickets.close();
    throw error;
  });
  let ready = true;
  const feed = createEventFeed({
    db: tickets.database.db,
    pollMs: config.live.pollMs,
    onError: (error) =>
      logger.warn({ err: (error as Error).message }, "reading new inbox events for subscribers failed"),
  });
  const contexts = createContextFactory({ config, scanSlots, logger, upstream, tickets, feed });
  const guard = createOperationGuard({ schema, limits: config.limits, fairness });
  const { server, inFlight } = createCountingServer(
    createRequestHandler({
      graphql: {
        apollo,
        maxBodyBytes: config.limits.maxBodyBytes,
        operationSlots,
        fairness,
        guard,
      },
      createContext: contexts.forRequest,
      logger,
      metrics,
      playgroundDir: options.playgroundDir ?? DEFAULT_PLAYGROUND_DIR,
      corsOrigins: config.corsOrigins,
      isReady: () => ready,
      readinessProblems: createReadinessCheck({
        probes: [
          () => upstream.unreachableReason(READINESS_PROBE_TIMEOUT_MS),
          ticketStoreProbe(tickets.database, READINESS_PROBE_TIMEOUT_MS),
        ],
      }),
    }),
  );
  const liveServer = startLiveServer({
    server,
    schema,
    config: config.live,
    maxMessageBytes: config.limits.maxBodyBytes,
    maxQueryTokens: config.limits.maxQueryTokens,
    corsOrigins: config.corsOrigins,
    guard,
    createContext: contexts.forSocket,
    formatError: createFormatError({ isDevelopment: config.isDevelopment, logger }),
    isReady: () => ready,
    logger,
  });
  const live = { feed, server: liveServer };
  observeLive(metrics, { connections: liveServer.connectionCount, subscriptions: feed.subscriberCount });
  const address = await listen(server, config).catch(async (error: unknown) => {
    await liveServer.close();
    await feed.close();
    await apollo.stop();
    await watcher?.close();
    await upstream.close();
    await tickets.close();
    throw error;
  });
  const url = baseUrl(address);
  let closing: Promise<void> | undefined;
  const close = () => {
    ready = false;
    closing ??= drain({
      server,
      apollo,
      upstream,
      tickets,
      watcher,
      live,
      inFlight,
      timeoutMs: config.shutdownTimeoutMs,
    });
    return closing;
  };
  const { mode: upstreamMode, baseUrl: upstreamUrl, demoUsers } = upstream;
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    playgroundUrl: `${url}/playground`,
    upstreamMode,
    upstreamUrl,
    demoUsers,
    metrics,
    tickets,
    watcher,
    live,
    close,
  };
};
