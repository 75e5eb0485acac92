import { performance } from "node:perf_hooks";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { GatewayMetrics } from "../observability/metrics.js";

/** Counts GraphQL operations and their latency per operation name and outcome. */
export const createMetricsPlugin = (metrics: GatewayMetrics): ApolloServerPlugin<BaseContext> => ({
  async requestDidStart({ request }) {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, errors, response }) {
        const operation = metrics.operationLabel(operationName ?? request.operationName);
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
