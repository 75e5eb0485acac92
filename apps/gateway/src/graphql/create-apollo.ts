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
import { createLimitsPlugin } from "./limits-plugin.js";
import { createMetricsPlugin } from "./metrics-plugin.js";

/** What {@link createApollo} needs. */
export interface CreateApolloOptions {
  readonly schema: GraphQLSchema;
  readonly config: GatewayConfig;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
}

/**
 * Apollo Server with the gateway's error formatting, limits, argument checks and metrics. Its landing pages are off:
 * they load from Apollo's CDN, and the gateway serves its own offline playground instead. Cache control is
 * off too: the answers are per user and never cacheable, and its hook on every field costs CPU on large pages.
 */
export const createApollo = (options: CreateApolloOptions): ApolloServer<GatewayContext> =>
  new ApolloServer<GatewayContext>({
    schema: options.schema,
    introspection: true,
    // The gateway drains its own HTTP server first; Apollo would stop and re-raise the signal too early.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: options.config.isDevelopment,
    formatError: createFormatError({ isDevelopment: options.config.isDevelopment, logger: options.logger }),
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      createLimitsPlugin(options.config.limits),
      createInputCheckPlugin(),
      createMetricsPlugin(options.metrics),
    ],
  });
