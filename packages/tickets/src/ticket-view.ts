import type { ScreenshotMediaType, TicketDraft } from "@flowdoctor/core";
import { asc, eq } from "drizzle-orm";
import type { TicketDb } from "./db/open-ticket-db.js";
import {
  type AttachmentKind,
  type OccurrenceRow,
  type OutboxRow,
  type StatusRow,
  type TicketRow,
  type TimelineRow,
  ticketAttachments,
  ticketFingerprints,
  ticketOccurrences,
  ticketOutbox,
  ticketStatusHistory,
  tickets,
  ticketTimeline,
} from "./db/schema.js";

/** An attachment's facts, without its bytes. */
export interface AttachmentMeta {
  readonly id: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly createdAt: Date;
}

/** A stored ticket with its timeline, attachments, status history and delivery. */
export interface TicketView extends TicketRow {
  /** The readable number, e.g. `FD-1042`. */
  readonly key: string;
  readonly timeline: readonly TimelineRow[];
  readonly attachments: readonly AttachmentMeta[];
  readonly history: readonly StatusRow[];
  /** The delivery job, once submitted. */
  readonly delivery: OutboxRow | undefined;
  /** The follow-up messages queued after it, oldest first. */
  readonly followUps: readonly OutboxRow[];
  /** The problems (error-group fingerprints) the ticket was made for. */
  readonly fingerprints: readonly string[];
  /** Each later report of the problem, oldest first. */
  readonly occurrenceLog: readonly OccurrenceRow[];
}

/** The readable ticket number support sees, e.g. `FD-1042`. */
export const ticketKey = (number: number): string => `FD-${number}`;

const attachmentMeta = {
  id: ticketAttachments.id,
  kind: ticketAttachments.kind,
  name: ticketAttachments.name,
  mediaType: ticketAttachments.mediaType,
  sizeBytes: ticketAttachments.sizeBytes,
  createdAt: ticketAttachments.createdAt,
};

/** Reads a ticket and its parts; undefined when there is none with this id. */
export const loadTicketView = async (db: TicketDb, id: string): Promise<TicketView | undefined> => {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  if (row === undefined) return undefined;
  // One query after another: inside a transaction they share one connection.
  const timeline = await db
    .select()
    .from(ticketTimeline)
    .where(eq(ticketTimeline.ticketId, id))
    .orderBy(asc(ticketTimeline.seq));
  const attachments = await db
    .select(attachmentMeta)
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, id))
    .orderBy(asc(ticketAttachments.seq));
  const history = await db
    .select()
    .from(ticketStatusHistory)
    .where(eq(ticketStatusHistory.ticketId, id))
    .orderBy(asc(ticketStatusHistory.id));
  const outbox = await db
    .select()
    .from(ticketOutbox)
    .where(eq(ticketOutbox.ticketId, id))
    .orderBy(asc(ticketOutbox.followUp));
  const fingerprints = await db
    .select({ fingerprint: ticketFingerprints.fingerprint })
    .from(ticketFingerprints)
    .where(eq(ticketFingerprints.ticketId, id))
    .orderBy(asc(ticketFingerprints.createdAt), asc(ticketFingerprints.fingerprint));
  const occurrenceLog = await db
    .select()
    .from(ticketOccurrences)
    .where(eq(ticketOccurrences.ticketId, id))
    .orderBy(asc(ticketOccurrences.seq));
  return {
    ...row,
    key: ticketKey(row.number),
    timeline,
    attachments,
    history,
    delivery: outbox.find((job) => job.followUp === 0),
    followUps: outbox.filter((job) => job.followUp > 0),
    fingerprints: fingerprints.map((f) => f.fingerprint),
    occurrenceLog,
  };
};

/** The text of a ticket's log files or error texts, in the order attached, each log under its file name. */
const textOf = async (
  db: TicketDb,
  view: TicketView,
  kind: "LOG" | "ERROR_TEXT",
): Promise<string | undefined> => {
  const parts = view.attachments.filter((attachment) => attachment.kind === kind);
  if (parts.length === 0) return undefined;
  const rows = await db
    .select({ id: ticketAttachments.id, content: ticketAttachments.content })
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, view.id));
  const byId = new Map(rows.map((row) => [row.id, row.content.toString("utf8")]));
  const texts = parts.map((part) => byId.get(part.id) ?? "");
  if (texts.length === 1 || kind === "ERROR_TEXT") return texts.join("\n\n");
  return parts.map((part, i) => `== ${part.name} ==\n${texts[i]}`).join("\n\n");
};

/** Core's draft of a stored ticket: fields, timeline, screenshot references, log text and error text. */
export const draftOfView = async (db: TicketDb, view: TicketView): Promise<TicketDraft> => {
  const logs = await textOf(db, view, "LOG");
  const attachedError =
    view.fields.errorText === undefined ? await textOf(db, view, "ERROR_TEXT") : undefined;
  const screenshots = view.attachments
    .filter((attachment) => attachment.kind === "SCREENSHOT")
    .map((shot) => ({
      name: shot.name,
      mediaType: shot.mediaType as ScreenshotMediaType,
      sizeBytes: shot.sizeBytes,
      ref: `attachment:${shot.id}`,
    }));
  return {
    ...view.fields,
    ...(view.timeline.length > 0 ? { timeline: view.timeline.map(({ at, event }) => ({ at, event })) } : {}),
    ...(screenshots.length > 0 ? { screenshots } : {}),
    ...(logs === undefined ? {} : { logs }),
    ...(attachedError === undefined ? {} : { errorText: attachedError }),
  };
};
