import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { TicketDb } from "../db/open-ticket-db.js";
import { ticketOutbox } from "../db/schema.js";

/** The Message-ID of a ticket's n-th follow-up, e.g. `<FD-1042.0b5e….followup-2@flowdoctor>`. */
export const followUpMessageId = (key: string, ticketId: string, followUp: number): string =>
  `<${key}.${ticketId}.followup-${followUp}@flowdoctor>`;

/** What queuing a follow-up needs. */
export interface FollowUpPolicy {
  readonly channel: string;
  readonly maxAttempts: number;
  /** The least time between two follow-ups of one ticket, in ms. */
  readonly intervalMs: number;
  readonly now: Date;
}

/**
 * Queues the next follow-up of a submitted ticket, unless the last follow-up was queued less than an interval ago
 * (its message, or the next one, then tells of this occurrence too). Runs in the transaction that holds the
 * ticket's row lock, so concurrent occurrences queue one follow-up between them. Returns its number, if queued.
 */
export const queueFollowUp = async (
  tx: TicketDb,
  ticket: { readonly id: string; readonly key: string },
  policy: FollowUpPolicy,
): Promise<number | undefined> => {
  const [last] = await tx
    .select({ followUp: ticketOutbox.followUp, createdAt: ticketOutbox.createdAt })
    .from(ticketOutbox)
    .where(eq(ticketOutbox.ticketId, ticket.id))
    .orderBy(desc(ticketOutbox.followUp))
    .limit(1);
  if (last === undefined) return undefined;
  if (last.followUp > 0 && policy.now.getTime() - last.createdAt.getTime() < policy.intervalMs)
    return undefined;
  const followUp = last.followUp + 1;
  await tx.insert(ticketOutbox).values({
    id: randomUUID(),
    ticketId: ticket.id,
    channel: policy.channel,
    messageId: followUpMessageId(ticket.key, ticket.id, followUp),
    maxAttempts: policy.maxAttempts,
    followUp,
    createdAt: policy.now,
  });
  return followUp;
};
