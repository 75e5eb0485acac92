import type { EventFeed, InboxStore } from "@flowdoctor/inbox";
import type { AlertChannelKind, TicketService } from "@flowdoctor/tickets";
import type { PlatformSession } from "./auth/create-session.js";
import type { Slots } from "./concurrency/slots.js";
import type { GatewayLimits } from "./config/config.js";
import type { Logger } from "./observability/logger.js";
import type { DemoUser } from "./upstream/create-upstream.js";

/** Which platform the gateway serves. */
export type UpstreamMode = "emulator" | "platform";

/** What every resolver receives: built once per GraphQL request. */
export interface GatewayContext {
  /** The request's id, also in the `x-request-id` response header, every log line and every platform call. */
  readonly requestId: string;
  readonly logger: Logger;
  readonly limits: GatewayLimits;
  /** Who the request counts against for per-caller limits (see `callerOf`). */
  readonly caller: string;
  /** The process's slots for log scans, shared by all requests (`MAX_CONCURRENT_SCANS`). */
  readonly scanSlots: Slots;
  readonly upstreamMode: UpstreamMode;
  /** The emulator's demo logins; empty when serving a real platform. */
  readonly demoUsers: readonly DemoUser[];
  /** The caller's checked platform session; throws `UNAUTHENTICATED` without valid credentials. Memoised. */
  readonly session: () => Promise<PlatformSession>;
  /** Whether the platform has accepted the caller's credentials during this request. */
  readonly isAuthenticated: () => boolean;
  /** The ticket store's operations (absent only in contexts built without a store). */
  readonly tickets?: TicketService;
  /** The error inbox's stored group states (absent only in contexts built without a store). */
  readonly inbox?: InboxStore;
  /** The configured alert channels' names and kinds (never their targets or secrets). */
  readonly alertChannels?: readonly { readonly name: string; readonly kind: AlertChannelKind }[];
  /**
   * Live updates: the inbox's new events, read once per poll for every subscriber of this gateway, and how often a
   * subscription's access is checked again while it delivers (absent without a store).
   */
  readonly live?: { readonly feed: EventFeed; readonly recheckMs: number };
  /** A new session with the same credentials, checked again (through the auth cache), for long-lived operations. */
  readonly freshSession?: () => Promise<PlatformSession>;
}
