import { readInt } from "../config/config.js";

/** Live updates: GraphQL subscriptions over WebSocket (`graphql-ws`) on `/graphql`. */
export interface LiveConfig {
  /** How often each gateway reads new inbox events while anyone subscribes, in ms. @default 1000 (`LIVE_POLL_MS`) */
  readonly pollMs: number;
  /** WebSocket connections at once, in total. @default 1000 (`MAX_WS_CONNECTIONS`) */
  readonly maxConnections: number;
  /** WebSocket connections at once per caller (e-mail, or IP without one). @default 10 (`MAX_WS_CONNECTIONS_PER_CALLER`) */
  readonly maxConnectionsPerCaller: number;
  /** Subscriptions at once on one connection. @default 10 (`MAX_SUBSCRIPTIONS_PER_CONNECTION`) */
  readonly maxSubscriptionsPerConnection: number;
  /**
   * How often, at most, a subscription checks again with the platform that its caller may still read the workspace,
   * before it delivers an event, in ms. @default 60000 (`LIVE_RECHECK_MS`)
   */
  readonly recheckMs: number;
  /** How long a connection may take to send `connection_init`, in ms. @default 10000 (`WS_INIT_TIMEOUT_MS`) */
  readonly initTimeoutMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the live-update variables; each broken one adds a problem naming it. */
export const readLiveConfig = (env: Env, problems: string[]): LiveConfig => ({
  pollMs: readInt(env, { name: "LIVE_POLL_MS", fallback: 1000, min: 100, max: 60_000 }, problems),
  maxConnections: readInt(
    env,
    { name: "MAX_WS_CONNECTIONS", fallback: 1000, min: 1, max: 100_000 },
    problems,
  ),
  maxConnectionsPerCaller: readInt(
    env,
    { name: "MAX_WS_CONNECTIONS_PER_CALLER", fallback: 10, min: 1, max: 10_000 },
    problems,
  ),
  maxSubscriptionsPerConnection: readInt(
    env,
    { name: "MAX_SUBSCRIPTIONS_PER_CONNECTION", fallback: 10, min: 1, max: 1000 },
    problems,
  ),
  recheckMs: readInt(env, { name: "LIVE_RECHECK_MS", fallback: 60_000, min: 1000, max: 3_600_000 }, problems),
  initTimeoutMs: readInt(
    env,
    { name: "WS_INIT_TIMEOUT_MS", fallback: 10_000, min: 100, max: 600_000 },
    problems,
  ),
});
