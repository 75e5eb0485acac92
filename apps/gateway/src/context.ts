import type { GatewayLimits } from "./config/config.js";
import type { Logger } from "./observability/logger.js";

/** Which platform the gateway serves. */
export type UpstreamMode = "emulator" | "platform";

/** What every resolver receives: built once per GraphQL request. */
export interface GatewayContext {
  /** The request's id, also in the `x-request-id` response header and every log line. */
  readonly requestId: string;
  readonly logger: Logger;
  readonly limits: GatewayLimits;
  readonly upstreamMode: UpstreamMode;
}
