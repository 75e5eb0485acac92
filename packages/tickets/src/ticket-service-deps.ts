import type { TicketDb } from "./db/open-ticket-db.js";
import type { MessageOptions } from "./delivery/ticket-message.js";

/** What the ticket operations share. */
export interface TicketServiceDeps {
  readonly db: TicketDb;
  /** The delivery channel's name, written on each outbox job. */
  readonly channel: string;
  /** Delivery attempts before a job counts as failed. */
  readonly maxAttempts: number;
  readonly message: MessageOptions;
  /** The clock validation judges "in the future" against. */
  readonly now: () => Date;
  /** The least time between two follow-up messages of one ticket, in ms. @default 3600000 (an hour) */
  readonly followUpIntervalMs?: number;
  /** Called after a submission commits (the gateway wakes its outbox worker). */
  readonly onSubmitted?: () => void;
}
