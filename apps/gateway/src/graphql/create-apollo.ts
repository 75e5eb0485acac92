import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { GatewayConfig } from "../config/config.js";
import type { GatewayContext } from "../context.js";
import type { Logger } from "../observability/logger.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { createFormatError } from "./format-error.js";
import { createInputCheckPlugin } from "./input-check-plugin.js";
import { createMetricsPlugin } from "./metrics-plugin.js";
import { createTracingPlugin } from "./tracing-plugin.js";

/** What {@link createApollo} needs. */
export interface CreateApolloOptions {
  readonly schema: GraphQLSchema;
  readonly config: GatewayConfig;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
}

/**
 * Apollo Server with the gateway's error formatting, argument checks and metrics (limits are checked before, by the
 * operation guard). Its landing pages are off:
 * they load from Apollo's CDN, and the gateway serves its own offline playground instead. Cache control is
 * off too: the answers are per user and never cacheable, and its hook on every field costs CPU on large pages.
 */
export const createApollo = (options: CreateApolloOptions): ApolloServer<GatewayContext> =>
  new ApolloServer<GatewayContext>({
    schema: options.schema,
    introspection: true,
    // The operation guard measured the request before Apollo sees it; this only backs up its token cap.
    parseOptions: { maxTokens: options.config.limits.maxQueryTokens },
    // A stored query could run again later with other variables, unmeasured: every request sends its query.
    persistedQueries: false,
    // The gateway drains its own HTTP server first; Apollo would stop and re-raise the signal too early.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.config.isDevelopment,
    formatError: createFormatError({ isDevelopment: options.config.isDevelopment, logger: options.logger }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      createInputCheckPlugin(),
      createMetricsPlugin(options.metrics),
      createTracingPlugin(),
    ],
  });
