import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import { requireContractMember } from "./check-references.js";
import { ticketOutbox, ticketStatusHistory, tickets } from "./db/schema.js";
import { ticketMessageId } from "./delivery/ticket-message.js";
import { forgetOriginals } from "./redactions/redaction-ledger.js";
import type { TicketAccess } from "./ticket-access.js";
import { ticketForbidden, ticketProblemError } from "./ticket-errors.js";
import { readableTicket, requireValid } from "./ticket-guards.js";
import type { TicketServiceDeps } from "./ticket-service-deps.js";
import { type TicketView, ticketKey } from "./ticket-view.js";

/** Which ticket to submit, and the client's key that makes retrying the call safe. */
export interface SubmitTicketInput {
  readonly id: string;
  /** The same key twice gives the same ticket and one delivery. 1–200 characters. */
  readonly idempotencyKey: string;
}

const checkKey = (key: string): void => {
  if (key.trim() === "" || key.length > 200)
    throw ticketProblemError(
      "idempotencyKey",
      key.trim() === "" ? "REQUIRED" : "TOO_LONG",
      "The idempotency key has 1 to 200 characters.",
    );
};

const alreadySubmitted = (view: TicketView, key: string): TicketView => {
  if (view.idempotencyKey === key) return view;
  throw ticketProblemError(
    "id",
    "INVALID_VALUE",
    `Ticket ${view.key} was already submitted with another idempotency key.`,
  );
};

/**
 * Submits a draft: locks its row, validates it with core's submission rules, then marks it submitted and queues
 * its delivery job in the same transaction. Any problem answers `BAD_USER_INPUT` with all of them and changes
 * nothing; a retry with the same idempotency key returns the submitted ticket without a second job.
 */
export const submitTicket = async (
  deps: TicketServiceDeps,
  access: TicketAccess,
  input: SubmitTicketInput,
): Promise<TicketView> => {
  checkKey(input.idempotencyKey);
  return deps.db.transaction(async (tx) => {
    const view = await readableTicket(tx, access, input.id);
    await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, input.id)).for("update");
    const locked = await readableTicket(tx, access, input.id);
    if (locked.ownerUserId !== access.userId)
      throw ticketForbidden(`Only the author of ticket ${view.key} may submit it.`);
    if (locked.status === "SUBMITTED") return alreadySubmitted(locked, input.idempotencyKey);
    if (locked.status === "CANCELLED")
      throw ticketProblemError("id", "INVALID_VALUE", `Ticket ${locked.key} was cancelled.`);
    const reused = await tx
      .select({ number: tickets.number })
      .from(tickets)
      .where(
        and(
          eq(tickets.ownerUserId, access.userId),
          eq(tickets.idempotencyKey, input.idempotencyKey),
          ne(tickets.id, input.id),
        ),
      );
    if (reused[0] !== undefined)
      throw ticketProblemError(
        "idempotencyKey",
        "INVALID_VALUE",
        `This idempotency key was used for ticket ${ticketKey(reused[0].number)}.`,
      );
    const { draft } = await requireValid(tx, input.id, { mode: "submission", now: deps.now() });
    await requireContractMember(access, draft.contractId);
    const now = new Date();
    await tx
      .update(tickets)
      .set({ status: "SUBMITTED", submittedAt: now, updatedAt: now, idempotencyKey: input.idempotencyKey })
      .where(eq(tickets.id, input.id));
    await forgetOriginals(tx, input.id);
    await tx.insert(ticketStatusHistory).values({
      ticketId: input.id,
      status: "SUBMITTED",
      actorUserId: access.userId,
      note: `delivery by ${deps.channel}`,
    });
    await tx.insert(ticketOutbox).values({
      id: randomUUID(),
      ticketId: input.id,
      channel: deps.channel,
      messageId: ticketMessageId(locked.key, input.id),
      maxAttempts: deps.maxAttempts,
    });
    return readableTicket(tx, access, input.id);
  });
};
