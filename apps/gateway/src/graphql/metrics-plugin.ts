import { performance } from "node:perf_hooks";
import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context.js";
import type { GatewayMetrics } from "../observability/metrics.js";

/** Counts GraphQL operations and their latency per operation name and outcome. */
export const createMetricsPlugin = (metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart({ request, contextValue }) {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, errors, response }) {
        // Only callers the platform accepted may add operation names: anonymous ones cannot fill the labels.
        const operation = metrics.operationLabel(operationName ?? request.operationName, {
          mayAdd: contextValue.isAuthenticated(),
        });
        const body = response.body;
        const hasErrors =
          (errors?.length ?? 0) > 0 ||
          (body.kind === "single" && (body.singleResult.errors?.length ?? 0) > 0);
        metrics.graphqlRequests.inc({ operation, outcome: hasErrors ? "error" : "ok" });
        metrics.graphqlDuration.observe({ operation }, (performance.now() - started) / 1000);
      },
    };
  },
});
