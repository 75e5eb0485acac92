import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { TicketDb } from "../db/open-ticket-db.js";
import { ticketOutbox } from "../db/schema.js";
import type { AlertMessage } from "../delivery/alert-message.js";

/** A transaction of the store (the inbox enqueues alerts in the one that records its events). */
export type StoreTx = Parameters<Parameters<TicketDb["transaction"]>[0]>[0];

/** One alert message to queue. */
export interface AlertJob {
  /** Unique per message (e.g. `alert:<rule>:<first event>`): queueing the same key again adds nothing. */
  readonly jobKey: string;
  /** A configured alert channel's name. */
  readonly channel: string;
  readonly message: AlertMessage;
  /** @default 8 */
  readonly maxAttempts?: number;
}

/**
 * Queues an alert message in the outbox, inside the caller's transaction, idempotently by `jobKey`. Answers the job's
 * id (the delivery id receivers see), also when the key was queued before.
 */
export const enqueueAlertJob = async (tx: StoreTx | TicketDb, job: AlertJob): Promise<string> => {
  const [created] = await tx
    .insert(ticketOutbox)
    .values({
      id: randomUUID(),
      kind: "ALERT",
      jobKey: job.jobKey,
      channel: job.channel,
      messageId: job.jobKey,
      payload: job.message,
      maxAttempts: job.maxAttempts ?? 8,
    })
    .onConflictDoNothing({ target: ticketOutbox.jobKey })
    .returning({ id: ticketOutbox.id });
  if (created !== undefined) return created.id;
  const [existing] = await tx
    .select({ id: ticketOutbox.id })
    .from(ticketOutbox)
    .where(eq(ticketOutbox.jobKey, job.jobKey));
  return existing?.id as string;
};
