import type { TicketMessage } from "./ticket-message.js";

/** A ticket message as the outbox sends it: one delivery, possibly attempted several times. */
export interface OutgoingTicket extends TicketMessage {
  /**
   * The outbox job's id: the same for every attempt of this ticket's delivery (retries, a worker taking over a lost
   * lease, `retryTicketDelivery`), different for every other ticket. Receivers de-duplicate on it.
   */
  readonly deliveryId: string;
}

/** The ways a ticket can reach support. */
export const DELIVERY_CHANNELS = ["mail-folder", "smtp", "webhook"] as const;
/** A name of {@link DELIVERY_CHANNELS}. */
export type DeliveryChannelName = (typeof DELIVERY_CHANNELS)[number];

/** Sends a ticket message somewhere; throws when it could not, so the outbox retries. */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  /** Where it delivers, safe to log (no passwords). */
  readonly target: string;
  deliver(message: OutgoingTicket): Promise<void>;
  close(): Promise<void>;
}
