export type { GatewayConfig, GatewayLimits, LogLevel } from "./config/config.js";
export { LOG_LEVEL_NAMES, loadConfig } from "./config/config.js";
export type { GatewayContext, UpstreamMode } from "./context.js";
export type { ErrorCode, ErrorDetails, GatewayErrorCode } from "./errors.js";
export {
  ERROR_CODES,
  GATEWAY_ERROR_CODES,
  GatewayError,
  GatewayGraphQLError,
  isErrorCode,
  isGatewayError,
} from "./errors.js";
export type { Gateway, StartGatewayOptions } from "./http/start-gateway.js";
export { startGateway } from "./http/start-gateway.js";
export type { Logger, LoggerOptions } from "./observability/logger.js";
export { createLogger } from "./observability/logger.js";
export type { GatewayMetrics } from "./observability/metrics.js";
export { buildGatewaySchema } from "./schema/build-gateway-schema.js";
export { printGatewaySchema } from "./schema/print-gateway-schema.js";
