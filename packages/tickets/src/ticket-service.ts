import { randomUUID } from "node:crypto";
import { redactSecrets, type TimelineEntry } from "@flowdoctor/core";
import { and, eq } from "drizzle-orm";
import type { AttachmentInput } from "./check-attachment.js";
import { checkReferences } from "./check-references.js";
import type { TicketDb } from "./db/open-ticket-db.js";
import type { TicketFields } from "./db/schema.js";
import { ticketAttachments, ticketStatusHistory, tickets } from "./db/schema.js";
import { composeTicketMessage, type TicketMessage } from "./delivery/ticket-message.js";
import {
  insertAttachment,
  insertDraft,
  insertTimeline,
  markPatch,
  type PreparedDraft,
  recordPatchMarks,
} from "./draft-parts.js";
import { listTickets, type TicketListOptions, type TicketPage } from "./list-tickets.js";
import { retryFailedJob } from "./outbox/outbox-jobs.js";
import {
  closeFingerprints,
  type ReportProblemInput,
  type ReportResult,
  reportProblem,
  resolveTicket,
} from "./problems/report-problem.js";
import { previewTicket, type TicketPreview } from "./redactions/preview-ticket.js";
import { type RedactSpanInput, redactSpan, restoreRedaction } from "./redactions/review-redactions.js";
import { submitTicket } from "./submit-ticket.js";
import type { TicketAccess } from "./ticket-access.js";
import { ticketNotFound, ticketProblemError } from "./ticket-errors.js";
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

const prepareDraft = async (access: TicketAccess, input: CreateTicketInput): Promise<PreparedDraft> => {
  const { patch, marks } = markPatch(input.fields);
  const written = applyFieldsPatch({}, patch);
  const fields: TicketFields = { ...written, ...(await checkReferences(access, written, patch)) };
  return {
    fields,
    marks,
    timeline: input.timeline ?? [],
    logs: input.logs,
    logName: input.logName ?? "flow.log",
  };
};

/** The ticket operations, each checking the caller's access; see `createTicketService`. */
export type TicketService = ReturnType<typeof createTicketService>;

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
      const draft = await prepareDraft(access, input);
      return db.transaction(async (tx) => {
        const id = randomUUID();
        await insertDraft(tx, access.userId, id, draft);
        return (await requireValid(tx, id, draftMode())).view;
      });
    },
    /**
     * Reports a problem (an error group's fingerprint on a contract): adds to the open ticket made for it, reopens
     * its resolved ticket, or starts a draft; see `reportProblem`.
     */
    report: (access: TicketAccess, input: ReportProblemInput): Promise<ReportResult> =>
      reportProblem(deps, access, input, () => prepareDraft(access, input)),
    resolve: (access: TicketAccess, id: string, note?: string): Promise<TicketView> =>
      resolveTicket(deps, access, id, note),
    update: async (access: TicketAccess, id: string, input: TicketFieldsPatch): Promise<TicketView> => {
      const { patch, marks } = markPatch(input);
      // The platform is asked before the transaction, so no database connection waits on it.
      const current = await editableTicket(db, access, id);
      const added = await checkReferences(access, applyFieldsPatch(current.fields, patch), patch);
      return changeDraft(access, id, async (tx, view) => {
        const fields = applyFieldsPatch(view.fields, { ...patch, ...added });
        await tx
          .update(tickets)
          .set({ fields, contractId: fields.contractId ?? null })
          .where(eq(tickets.id, id));
        await recordPatchMarks(tx, id, marks);
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
        await closeFingerprints(tx, id);
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
    /** The preview with every redaction marked: kind of secret, field and place (see `previewTicket`). */
    markedPreview: async (access: TicketAccess, id: string): Promise<TicketPreview> => {
      const view = await readableTicket(db, access, id);
      await requireTicketLogs(access, ownershipOf(view));
      return previewTicket(db, view, deps.message);
    },
    /** Marks a redaction of a draft wrong: its text goes back, and the ticket's history says so. */
    restoreRedaction: (access: TicketAccess, id: string, redactionId: string): Promise<TicketView> =>
      changeDraft(access, id, (tx) => restoreRedaction(tx, access, id, redactionId)),
    /** Masks a span of a draft's text by hand; the ticket's history says so. */
    redactSpan: (access: TicketAccess, id: string, span: RedactSpanInput): Promise<TicketView> =>
      changeDraft(access, id, (tx) => redactSpan(tx, access, id, span)),
  };
};
