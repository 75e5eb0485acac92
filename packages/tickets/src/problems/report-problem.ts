import { randomUUID } from "node:crypto";
import { redactSecrets } from "@flowdoctor/core";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { requireContractMember } from "../check-references.js";
import type { TicketDb } from "../db/open-ticket-db.js";
import {
  ticketFingerprints,
  ticketOccurrences,
  ticketStatusHistory,
  tickets,
  ticketTimeline,
} from "../db/schema.js";
import { insertDraft, type PreparedDraft } from "../draft-parts.js";
import type { TicketAccess } from "../ticket-access.js";
import { ticketProblemError } from "../ticket-errors.js";
import { readableTicket } from "../ticket-guards.js";
import type { CreateTicketInput } from "../ticket-service.js";
import type { TicketServiceDeps } from "../ticket-service-deps.js";
import { type TicketView, ticketKey } from "../ticket-view.js";
import { queueFollowUp } from "./follow-up.js";

/** A problem seen on a contract: its fingerprint, and the draft to start when no ticket covers it yet. */
export interface ReportProblemInput extends CreateTicketInput {
  /** The error group's fingerprint (core's grouping). 1–200 characters. */
  readonly fingerprint: string;
  /** The log lines of this occurrence; stored redacted. */
  readonly excerpt?: string;
}

/** What a report did: started a ticket, added to the open one, or reopened a resolved one. */
export type ReportOutcome = "CREATED" | "ADDED_TO_OPEN" | "REOPENED";

/** The ticket that covers the problem now, and what the report did to it. */
export interface ReportResult {
  readonly ticket: TicketView;
  readonly outcome: ReportOutcome;
}

const EXCERPT_MAX_CHARS = 20_000;
const DEFAULT_FOLLOW_UP_INTERVAL_MS = 3_600_000;
// A report that loses a race (another replica claimed or reopened the ticket first) starts again, and then finds it.
const MAX_ATTEMPTS = 5;

const checkFingerprint = (fingerprint: string): void => {
  if (typeof fingerprint !== "string" || fingerprint.trim() === "" || fingerprint.length > 200)
    throw ticketProblemError(
      "fingerprint",
      fingerprint?.trim?.() === "" ? "REQUIRED" : "INVALID_VALUE",
      "The fingerprint has 1 to 200 characters.",
    );
};

const isUniqueViolation = (error: unknown): boolean => {
  for (let cause = error; cause instanceof Error || typeof cause === "object"; ) {
    if ((cause as { code?: unknown } | null)?.code === "23505") return true;
    const next = (cause as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === cause) return false;
    cause = next;
  }
  return false;
};

interface Occurrence {
  readonly fingerprint: string;
  readonly at: Date;
  readonly excerpt: string | undefined;
  readonly reportedBy: string;
  readonly reopened: boolean;
}

/** Counts one more occurrence on the ticket (locking its row) and queues a follow-up when it was delivered. */
const addOccurrence = async (
  tx: TicketDb,
  deps: TicketServiceDeps,
  ticketId: string,
  occurrence: Occurrence,
): Promise<void> => {
  const [ticket] = await tx
    .update(tickets)
    .set({
      occurrences: sql`${tickets.occurrences} + 1`,
      lastSeenAt: occurrence.at,
      updatedAt: occurrence.at,
    })
    .where(eq(tickets.id, ticketId))
    .returning({ number: tickets.number, status: tickets.status, occurrences: tickets.occurrences });
  if (ticket === undefined) throw new Error(`ticket ${ticketId} is gone`);
  const excerpt =
    occurrence.excerpt === undefined ? null : redactSecrets(occurrence.excerpt).slice(-EXCERPT_MAX_CHARS);
  await tx.insert(ticketOccurrences).values({ id: randomUUID(), ticketId, ...occurrence, excerpt });
  const event = occurrence.reopened
    ? `The problem returned after the ticket was resolved: reopened (${ticket.occurrences} occurrences in all).`
    : `The problem occurred again (${ticket.occurrences} occurrences in all).`;
  await tx
    .insert(ticketTimeline)
    .values({ id: randomUUID(), ticketId, at: occurrence.at.toISOString(), event });
  if (ticket.status === "SUBMITTED")
    await queueFollowUp(
      tx,
      { id: ticketId, key: ticketKey(ticket.number) },
      {
        channel: deps.channel,
        maxAttempts: deps.maxAttempts,
        intervalMs: deps.followUpIntervalMs ?? DEFAULT_FOLLOW_UP_INTERVAL_MS,
        now: occurrence.at,
      },
    );
};

/** The open ticket of the problem on the contract, if any. */
const openTicketOf = async (tx: TicketDb, contractId: string, fingerprint: string) => {
  const [row] = await tx
    .select({ ticketId: ticketFingerprints.ticketId })
    .from(ticketFingerprints)
    .where(
      and(
        eq(ticketFingerprints.contractId, contractId),
        eq(ticketFingerprints.fingerprint, fingerprint),
        eq(ticketFingerprints.open, true),
      ),
    );
  return row?.ticketId;
};

/** Reopens the latest resolved ticket of the problem; false when there is none or a rival reopened it first. */
const reopenResolved = async (
  tx: TicketDb,
  contractId: string,
  fingerprint: string,
): Promise<string | undefined> => {
  const [latest] = await tx
    .select({ ticketId: ticketFingerprints.ticketId })
    .from(ticketFingerprints)
    .innerJoin(tickets, eq(tickets.id, ticketFingerprints.ticketId))
    .where(
      and(
        eq(ticketFingerprints.contractId, contractId),
        eq(ticketFingerprints.fingerprint, fingerprint),
        isNotNull(tickets.resolvedAt),
      ),
    )
    .orderBy(desc(tickets.number))
    .limit(1);
  if (latest === undefined) return undefined;
  // The row lock makes a rival reopening the same ticket wait, then find it open and update nothing.
  const reopened = await tx
    .update(ticketFingerprints)
    .set({ open: true })
    .where(
      and(
        eq(ticketFingerprints.ticketId, latest.ticketId),
        eq(ticketFingerprints.fingerprint, fingerprint),
        eq(ticketFingerprints.open, false),
      ),
    )
    .returning({ ticketId: ticketFingerprints.ticketId });
  if (reopened.length === 0) return undefined;
  await tx
    .update(tickets)
    .set({ resolvedAt: null, reopenedCount: sql`${tickets.reopenedCount} + 1` })
    .where(eq(tickets.id, latest.ticketId));
  await tx.insert(ticketStatusHistory).values({
    ticketId: latest.ticketId,
    status: "REOPENED",
    note: `the problem ${fingerprint} returned after the ticket was resolved`,
  });
  return latest.ticketId;
};

/** Claims the problem for a new ticket with `id`; false when another ticket holds it open (a rival won). */
const claimProblem = async (tx: TicketDb, id: string, contractId: string, fingerprint: string) => {
  const result = await tx.execute(
    sql`INSERT INTO ${ticketFingerprints} (ticket_id, contract_id, fingerprint) VALUES (${id}, ${contractId}, ${fingerprint})
        ON CONFLICT (contract_id, fingerprint) WHERE open DO NOTHING RETURNING ticket_id`,
  );
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
};

type Attempt = { readonly ticketId: string; readonly outcome: ReportOutcome } | undefined;

const reportOnce = async (
  tx: TicketDb,
  deps: TicketServiceDeps,
  access: TicketAccess,
  input: ReportProblemInput & { readonly contractId: string },
  draft: PreparedDraft,
): Promise<Attempt> => {
  const occurrence = (reopened: boolean): Occurrence => ({
    fingerprint: input.fingerprint,
    at: deps.now(),
    excerpt: input.excerpt,
    reportedBy: access.userId,
    reopened,
  });
  const open = await openTicketOf(tx, input.contractId, input.fingerprint);
  if (open !== undefined) {
    await addOccurrence(tx, deps, open, occurrence(false));
    return { ticketId: open, outcome: "ADDED_TO_OPEN" };
  }
  const reopened = await reopenResolved(tx, input.contractId, input.fingerprint);
  if (reopened !== undefined) {
    await addOccurrence(tx, deps, reopened, occurrence(true));
    return { ticketId: reopened, outcome: "REOPENED" };
  }
  const id = randomUUID();
  if (!(await claimProblem(tx, id, input.contractId, input.fingerprint))) return undefined;
  await insertDraft(tx, access.userId, id, draft);
  const at = deps.now();
  await tx.update(tickets).set({ lastSeenAt: at }).where(eq(tickets.id, id));
  return { ticketId: id, outcome: "CREATED" };
};

/**
 * One ticket per problem: a report of a fingerprint on a contract adds an occurrence to the open ticket made for
 * it (count, last seen, timeline entry, redacted excerpt; a follow-up message when it was delivered), reopens its
 * resolved ticket, or else starts a draft remembering the fingerprint. A partial unique index on the open
 * (contract, fingerprint) pairs decides races between replicas; the loser starts again and adds to the winner's.
 */
export const reportProblem = async (
  deps: TicketServiceDeps,
  access: TicketAccess,
  input: ReportProblemInput,
  prepare: () => Promise<PreparedDraft>,
): Promise<ReportResult> => {
  checkFingerprint(input.fingerprint);
  const contractId = input.fields.contractId;
  if (typeof contractId !== "string" || contractId === "")
    throw ticketProblemError("fields.contractId", "REQUIRED", "A problem is reported on a contract.");
  await requireContractMember(access, contractId);
  const draft = await prepare();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const done = await deps.db.transaction((tx) =>
        reportOnce(tx, deps, access, { ...input, contractId }, draft),
      );
      if (done !== undefined)
        return { ticket: await readableTicket(deps.db, access, done.ticketId), outcome: done.outcome };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt === MAX_ATTEMPTS) throw error;
    }
  }
  throw new Error(`the problem ${input.fingerprint} could not be recorded after ${MAX_ATTEMPTS} attempts`);
};

/** Marks the ticket's problems closed, so the next report starts a new ticket (cancelled) or reopens it (resolved). */
export const closeFingerprints = (tx: TicketDb, ticketId: string) =>
  tx.update(ticketFingerprints).set({ open: false }).where(eq(ticketFingerprints.ticketId, ticketId));

/** Marks a submitted ticket resolved (anyone who may see it): its problem returning reopens it. */
export const resolveTicket = (
  deps: TicketServiceDeps,
  access: TicketAccess,
  id: string,
  note?: string,
): Promise<TicketView> =>
  deps.db.transaction(async (tx) => {
    await readableTicket(tx, access, id);
    await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, id)).for("update");
    const view = await readableTicket(tx, access, id);
    if (view.status !== "SUBMITTED" || view.resolvedAt !== null)
      throw ticketProblemError(
        "id",
        "INVALID_VALUE",
        `Only a submitted, unresolved ticket can be resolved; ticket ${view.key} is ${view.resolvedAt === null ? view.status.toLowerCase() : "resolved"}.`,
      );
    await tx.update(tickets).set({ resolvedAt: deps.now(), updatedAt: deps.now() }).where(eq(tickets.id, id));
    await closeFingerprints(tx, id);
    await tx.insert(ticketStatusHistory).values({
      ticketId: id,
      status: "RESOLVED",
      actorUserId: access.userId,
      note: note === undefined ? null : redactSecrets(note).slice(0, 2000),
    });
    return readableTicket(tx, access, id);
  });
