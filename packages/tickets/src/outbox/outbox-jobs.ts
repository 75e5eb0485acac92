import { randomUUID } from "node:crypto";
import { redactSecrets } from "@flowdoctor/core";
import { and, asc, eq, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { TicketDb } from "../db/open-ticket-db.js";
import { type OutboxRow, ticketOutbox, ticketStatusHistory } from "../db/schema.js";

/**
 * Claims the most overdue job nobody holds: the row is locked with SKIP LOCKED (so concurrent workers pass over
 * it) and leased for `leaseMs`, then the lock is released. A worker that dies mid-delivery loses the job when the
 * lease runs out, and another worker delivers it again (same Message-ID). Jobs in `skip` (tried in this pass) are
 * left for the next pass.
 */
export const claimJob = (
  db: TicketDb,
  leaseMs: number,
  skip: readonly string[] = [],
): Promise<OutboxRow | undefined> =>
  db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: ticketOutbox.id })
      .from(ticketOutbox)
      .where(
        and(
          eq(ticketOutbox.status, "PENDING"),
          lte(ticketOutbox.nextAttemptAt, sql`now()`),
          or(isNull(ticketOutbox.leaseUntil), lt(ticketOutbox.leaseUntil, sql`now()`)),
          skip.length === 0 ? undefined : notInArray(ticketOutbox.id, [...skip]),
        ),
      )
      .orderBy(asc(ticketOutbox.nextAttemptAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (due === undefined) return undefined;
    const [claimed] = await tx
      .update(ticketOutbox)
      .set({
        attempts: sql`${ticketOutbox.attempts} + 1`,
        leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
        leaseToken: randomUUID(),
      })
      .where(eq(ticketOutbox.id, due.id))
      .returning();
    return claimed;
  });

const ownJob = (job: OutboxRow) =>
  and(
    eq(ticketOutbox.id, job.id),
    eq(ticketOutbox.leaseToken, job.leaseToken ?? ""),
    eq(ticketOutbox.status, "PENDING"),
  );

/** Marks a claimed job delivered; false when the lease was lost meanwhile (another worker took over). */
export const markDelivered = (db: TicketDb, job: OutboxRow): Promise<boolean> =>
  db.transaction(async (tx) => {
    const done = await tx
      .update(ticketOutbox)
      .set({
        status: "DELIVERED",
        deliveredAt: sql`now()`,
        leaseUntil: null,
        leaseToken: null,
        lastError: null,
      })
      .where(ownJob(job))
      .returning({ id: ticketOutbox.id });
    if (done.length === 0) return false;
    if (job.ticketId === null) return true;
    const what = job.followUp > 0 ? `follow-up ${job.followUp} ` : "";
    const note = `${what}delivered by ${job.channel} after ${job.attempts} attempt(s)`;
    const status = job.followUp > 0 ? "FOLLOW_UP_DELIVERED" : "DELIVERED";
    await tx.insert(ticketStatusHistory).values({ ticketId: job.ticketId, status, note });
    return true;
  });

/** Records a failed attempt: retried after `retryInMs`, or FAILED when the attempts are used up. */
export const markFailed = (db: TicketDb, job: OutboxRow, error: unknown, retryInMs: number): Promise<void> =>
  db.transaction(async (tx) => {
    const message = redactSecrets(error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const final = job.attempts >= job.maxAttempts;
    const done = await tx
      .update(ticketOutbox)
      .set({
        status: final ? "FAILED" : "PENDING",
        lastError: message,
        leaseUntil: null,
        leaseToken: null,
        nextAttemptAt: sql`now() + ${final ? 0 : retryInMs} * interval '1 millisecond'`,
      })
      .where(ownJob(job))
      .returning({ id: ticketOutbox.id });
    if (final && done.length > 0 && job.ticketId !== null) {
      const note = `delivery failed after ${job.attempts} attempt(s): ${message}`;
      await tx
        .insert(ticketStatusHistory)
        .values({ ticketId: job.ticketId, status: "DELIVERY_FAILED", note });
    }
  });

/**
 * Queues a ticket's FAILED delivery again with a fresh set of attempts (same Message-ID); false when its delivery
 * has not failed. The last error stays visible until the next attempt.
 */
export const retryFailedJob = (db: TicketDb, ticketId: string, actorUserId: string): Promise<boolean> =>
  db.transaction(async (tx) => {
    const queued = await tx
      .update(ticketOutbox)
      .set({ status: "PENDING", attempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null, leaseToken: null })
      .where(and(eq(ticketOutbox.ticketId, ticketId), eq(ticketOutbox.status, "FAILED")))
      .returning({ id: ticketOutbox.id });
    if (queued.length === 0) return false;
    await tx.insert(ticketStatusHistory).values({
      ticketId,
      status: "DELIVERY_RETRIED",
      actorUserId,
      note: "delivery queued again after it failed",
    });
    return true;
  });
