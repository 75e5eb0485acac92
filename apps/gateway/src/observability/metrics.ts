import { redactSecrets } from "@flowdoctor/core";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Slots } from "../concurrency/slots.js";

/** How many distinct operation names get their own label before the rest count as "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The gateway's Prometheus metrics, on a registry of its own (several gateways may share a process). */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly graphqlRequests: Counter<"operation" | "outcome">;
  readonly graphqlDuration: Histogram<"operation">;
  readonly upstreamRequests: Counter<"operation" | "outcome">;
  readonly upstreamDuration: Histogram<"operation">;
  readonly upstreamErrors: Counter<"operation" | "code">;
  /**
   * The label for a client-chosen operation name, bounded in number and shape; a name not seen before gets its own
   * label only when `mayAdd` (an authenticated caller), else it counts as "other".
   */
  operationLabel(name: string | null | undefined, options?: { readonly mayAdd: boolean }): string;
}

const createOperationLabeler = () => {
  const seen = new Set<string>();
  return (name: string | null | undefined, options = { mayAdd: true }): string => {
    if (!name) return "anonymous";
    // A name shaped like a credential (an AWS key id, say) would sit in /metrics for good.
    if (!OPERATION_NAME.test(name) || redactSecrets(name) !== name) return "other";
    if (seen.has(name)) return name;
    if (!options.mayAdd || seen.size >= MAX_OPERATION_LABELS) return "other";
    seen.add(name);
    return name;
  };
};

/** Creates the metrics: GraphQL requests and latency per operation, upstream calls and their errors. */
export const createMetrics = (): GatewayMetrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "flowdoctor_gateway_" });
  const registers = [registry];
  return {
    registry,
    graphqlRequests: new Counter({
      name: "flowdoctor_graphql_requests_total",
      help: "GraphQL operations handled, by operation name and outcome (ok or error).",
      labelNames: ["operation", "outcome"],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: "flowdoctor_graphql_request_duration_seconds",
      help: "Time to answer a GraphQL operation, by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    upstreamRequests: new Counter({
      name: "flowdoctor_upstream_requests_total",
      help: "Calls to the platform API, by client operation and outcome (ok or error).",
      labelNames: ["operation", "outcome"],
      registers,
    }),
    upstreamDuration: new Histogram({
      name: "flowdoctor_upstream_request_duration_seconds",
      help: "Time of one call to the platform API, by client operation.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    upstreamErrors: new Counter({
      name: "flowdoctor_upstream_errors_total",
      help: "Failed calls to the platform API, by client operation and error code.",
      labelNames: ["operation", "code"],
      registers,
    }),
    operationLabel: createOperationLabeler(),
  };
};

const slotGauge = (metrics: GatewayMetrics, name: string, help: string, slots: Slots): void => {
  new Gauge({
    name,
    help,
    labelNames: ["state"],
    registers: [metrics.registry],
    collect() {
      this.set({ state: "running" }, slots.running());
      this.set({ state: "waiting" }, slots.waiting());
    },
  });
};

/** Reports the log scans and GraphQL operations running and those waiting for a slot, read at each scrape. */
export const observeSlots = (metrics: GatewayMetrics, scans: Slots, operations: Slots): void => {
  slotGauge(
    metrics,
    "flowdoctor_log_scans",
    "Log scans running, and waiting for one of the MAX_CONCURRENT_SCANS slots.",
    scans,
  );
  slotGauge(
    metrics,
    "flowdoctor_graphql_operations",
    "GraphQL operations executing, and waiting for one of the MAX_CONCURRENT_OPERATIONS slots.",
    operations,
  );
};

/** Reports the live updates' open WebSocket connections and the subscriptions listening, read at each scrape. */
export const observeLive = (
  metrics: GatewayMetrics,
  live: { readonly connections: () => number; readonly subscriptions: () => number },
): void => {
  new Gauge({
    name: "flowdoctor_live_connections",
    help: "Open WebSocket connections for GraphQL subscriptions (MAX_WS_CONNECTIONS).",
    registers: [metrics.registry],
    collect() {
      this.set(live.connections());
    },
  });
  new Gauge({
    name: "flowdoctor_live_subscriptions",
    help: "Subscriptions listening for inbox events on this gateway.",
    registers: [metrics.registry],
    collect() {
      this.set(live.subscriptions());
    },
  });
};
