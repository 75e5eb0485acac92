import type { ApolloServerPlugin } from "@apollo/server";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import type { GatewayContext } from "../context.js";

/**
 * Names the request's server span after its operation (`query Inbox`, semantic conventions for GraphQL) and marks it
 * failed when the answer carries errors. Without tracing there is no recording span and it does nothing.
 */
export const createTracingPlugin = (): ApolloServerPlugin<GatewayContext> => ({
  async requestDidStart() {
    const span = trace.getActiveSpan();
    if (span === undefined || !span.isRecording()) return;
    return {
      async didResolveOperation({ operation, operationName }) {
        if (operation === undefined) return;
        span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
        span.setAttribute("graphql.operation.type", operation.operation);
        if (operationName) span.setAttribute("graphql.operation.name", operationName);
      },
      async willSendResponse({ errors, response }) {
        const body = response.body;
        const count =
          (errors?.length ?? 0) + (body.kind === "single" ? (body.singleResult.errors?.length ?? 0) : 0);
        if (count > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: `${count} GraphQL error(s)` });
      },
    };
  },
});
