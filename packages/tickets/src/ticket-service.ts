import { randomUUID } from "node:crypto";
import { redactSecrets, type TimelineEntry } from "@flowdoctor/core";
import { and, eq } from "drizzle-orm";
import { type AttachmentInput, checkAttachment } from "./check-attachment.js";
import { checkReferences } from "./check-references.js";
import type { TicketDb } from "./db/open-ticket-db.js";
import type { TicketFields } from "./db/schema.js";
import { ticketAttachments, ticketStatusHistory, tickets, ticketTimeline } from "./db/schema.js";
import { composeTicketMessage, type TicketMessage } from "./delivery/ticket-message.js";
import { listTickets, type TicketListOptions, type TicketPage } from "./list-tickets.js";
import { retryFailedJob } from "./outbox/outbox-jobs.js";
import { submitTicket } from "./submit-ticket.js";
import type { TicketAccess } from "./ticket-access.js";
import { ticketNotFound, ticketProblemError, ticketProblemsError } from "./ticket-errors.js";
import { applyFieldsPatch, type TicketFieldsPatch } from "./ticket-fields.js";
import {
  editableTicket,
  isUuid,
  ownershipOf,
  readableTicket,
  requireTicketLogs,
  requireValid,
} from "./ticket-guards.js";
import type { TicketServiceDeps } from "./ticket-service-deps.js";
import type { TicketView } from "./ticket-view.js";

/** A new draft: any subset of fields, timeline entries and a log file. */
export interface CreateTicketInput {
  readonly fields: TicketFieldsPatch;
  readonly timeline?: readonly TimelineEntry[];
  /** The log file as text, stored as an attachment named `logName`. */
  readonly logs?: string;
  /** @default "flow.log" */
  readonly logName?: string;
}

/** The ticket operations, each checking the caller's access; see `createTicketService`. */
export type TicketService = ReturnType<typeof createTicketService>;

const insertTimeline = async (
  db: TicketDb,
  ticketId: string,
  entries: readonly TimelineEntry[],
): Promise<void> => {
  if (entries.length === 0) return;
  await db.insert(ticketTimeline).values(
    entries.map((entry) => ({
      id: randomUUID(),
      ticketId,
      at: entry.at,
      event: redactSecrets(entry.event),
    })),
  );
};

const insertAttachment = async (db: TicketDb, ticketId: string, input: AttachmentInput): Promise<string> => {
  const { attachment, problems } = checkAttachment(input);
  if (attachment === undefined)
    throw ticketProblemsError(problems.map((p) => ({ ...p, path: `attachment.${p.path}` })));
  const id = randomUUID();
  await db
    .insert(ticketAttachments)
    .values({ id, ticketId, ...attachment, sizeBytes: attachment.content.length });
  return id;
};

const touch = (db: TicketDb, id: string) =>
  db.update(tickets).set({ updatedAt: new Date() }).where(eq(tickets.id, id));

/**
 * Ticket operations over the store. Every change runs in one transaction and is validated (core's rules, draft
 * mode) before it commits: a change with any problem throws `BAD_USER_INPUT` listing them all and stores nothing.
 */
export const createTicketService = (deps: TicketServiceDeps) => {
  const { db } = deps;
  const draftMode = () => ({ mode: "draft" as const, now: deps.now() });
  const changeDraft = (
    access: TicketAccess,
    id: string,
    change: (tx: TicketDb, view: TicketView) => Promise<void>,
  ) =>
    db.transaction(async (tx) => {
      const view = await editableTicket(tx, access, id);
      await change(tx, view);
      await touch(tx, id);
      return (await requireValid(tx, id, draftMode())).view;
    });

  return {
    create: async (access: TicketAccess, input: CreateTicketInput): Promise<TicketView> => {
      const written = applyFieldsPatch({}, input.fields);
      const fields: TicketFields = { ...written, ...(await checkReferences(access, written, input.fields)) };
      return db.transaction(async (tx) => {
        const id = randomUUID();
        await tx
          .insert(tickets)
          .values({ id, ownerUserId: access.userId, contractId: fields.contractId ?? null, fields });
        await tx
          .insert(ticketStatusHistory)
          .values({ ticketId: id, status: "DRAFT", actorUserId: access.userId, note: "created" });
        await insertTimeline(tx, id, input.timeline ?? []);
        if (input.logs !== undefined)
          await insertAttachment(tx, id, {
            kind: "LOG",
            name: input.logName ?? "flow.log",
            text: input.logs,
          });
        return (await requireValid(tx, id, draftMode())).view;
      });
    },
    update: async (access: TicketAccess, id: string, patch: TicketFieldsPatch): Promise<TicketView> => {
      // The platform is asked before the transaction, so no database connection waits on it.
      const current = await editableTicket(db, access, id);
      const added = await checkReferences(access, applyFieldsPatch(current.fields, patch), patch);
      return changeDraft(access, id, async (tx, view) => {
        const fields = applyFieldsPatch(view.fields, { ...patch, ...added });
        await tx
          .update(tickets)
          .set({ fields, contractId: fields.contractId ?? null })
          .where(eq(tickets.id, id));
      });
    },
    addTimelineEvent: (access: TicketAccess, id: string, entry: TimelineEntry) =>
      changeDraft(access, id, (tx) => insertTimeline(tx, id, [entry])),
    addAttachment: (access: TicketAccess, id: string, input: AttachmentInput) =>
      changeDraft(access, id, async (tx) => {
        await insertAttachment(tx, id, input);
      }),
    removeAttachment: async (access: TicketAccess, attachmentId: string): Promise<TicketView> => {
      const [row] = isUuid(attachmentId)
        ? await db
            .select({ ticketId: ticketAttachments.ticketId })
            .from(ticketAttachments)
            .where(eq(ticketAttachments.id, attachmentId))
        : [];
      if (row === undefined) throw ticketNotFound("Attachment", attachmentId);
      // Someone else's attachment is not found either: its ticket's id must not show in the error.
      await readableTicket(db, access, row.ticketId).catch(() => {
        throw ticketNotFound("Attachment", attachmentId);
      });
      return changeDraft(access, row.ticketId, async (tx) => {
        await tx
          .delete(ticketAttachments)
          .where(and(eq(ticketAttachments.id, attachmentId), eq(ticketAttachments.ticketId, row.ticketId)));
      });
    },
    cancel: (access: TicketAccess, id: string, reason?: string) =>
      db.transaction(async (tx) => {
        await editableTicket(tx, access, id);
        await tx
          .update(tickets)
          .set({ status: "CANCELLED", updatedAt: new Date() })
          .where(eq(tickets.id, id));
        const note = reason === undefined ? null : redactSecrets(reason).slice(0, 2000);
        await tx
          .insert(ticketStatusHistory)
          .values({ ticketId: id, status: "CANCELLED", actorUserId: access.userId, note });
        return readableTicket(tx, access, id);
      }),
    submit: async (access: TicketAccess, id: string, idempotencyKey: string): Promise<TicketView> => {
      const view = await submitTicket(deps, access, { id, idempotencyKey });
      deps.onSubmitted?.();
      return view;
    },
    retryDelivery: async (access: TicketAccess, id: string): Promise<TicketView> => {
      const view = await readableTicket(db, access, id);
      if (!(await retryFailedJob(db, view.id, access.userId))) {
        const status = view.delivery?.status ?? "not submitted";
        throw ticketProblemError(
          "delivery.status",
          "INVALID_VALUE",
          `Only a FAILED delivery can be retried; ticket ${view.key}'s delivery is ${status}.`,
        );
      }
      deps.onSubmitted?.();
      return readableTicket(db, access, id);
    },
    get: (access: TicketAccess, id: string): Promise<TicketView> => readableTicket(db, access, id),
    /**
     * An attachment's stored bytes (a text's redacted); NOT_FOUND unless the caller may read its ticket, FORBIDDEN
     * unless they may read its log text (a screenshot may show the platform's log pages, so every kind counts).
     */
    attachmentContent: async (access: TicketAccess, attachmentId: string): Promise<Buffer> => {
      const [row] = isUuid(attachmentId)
        ? await db
            .select({
              ticketId: ticketAttachments.ticketId,
              kind: ticketAttachments.kind,
              content: ticketAttachments.content,
            })
            .from(ticketAttachments)
            .where(eq(ticketAttachments.id, attachmentId))
        : [];
      if (row === undefined) throw ticketNotFound("Attachment", attachmentId);
      const view = await readableTicket(db, access, row.ticketId).catch(() => {
        throw ticketNotFound("Attachment", attachmentId);
      });
      await requireTicketLogs(access, ownershipOf(view));
      // A text is redacted again on its way out, for secrets of a shape redaction learned after it was stored.
      if (row.kind === "SCREENSHOT") return row.content;
      return Buffer.from(redactSecrets(row.content.toString("utf8")), "utf8");
    },
    list: (access: TicketAccess, options: TicketListOptions): Promise<TicketPage> =>
      listTickets(db, access, options),
    /** The message support gets; FORBIDDEN unless the caller may read the ticket's log text, which it carries. */
    preview: async (access: TicketAccess, id: string): Promise<TicketMessage> => {
      const view = await readableTicket(db, access, id);
      await requireTicketLogs(access, ownershipOf(view));
      return composeTicketMessage(db, view, deps.message);
    },
  };
};
