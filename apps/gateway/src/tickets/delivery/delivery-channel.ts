import type { TicketMessage } from "./ticket-message.js";

/** The ways a ticket can reach support. */
export const DELIVERY_CHANNELS = ["mail-folder", "smtp", "webhook"] as const;
/** A name of {@link DELIVERY_CHANNELS}. */
export type DeliveryChannelName = (typeof DELIVERY_CHANNELS)[number];

/** Sends a ticket message somewhere; throws when it could not, so the outbox retries. */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  /** Where it delivers, safe to log (no passwords). */
  readonly target: string;
  deliver(message: TicketMessage): Promise<void>;
  close(): Promise<void>;
}
