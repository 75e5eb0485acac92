import { REDACTION_MARKER, redactSecretsMarked } from "@flowdoctor/core";
import type { TicketDb } from "../db/open-ticket-db.js";
import type { RedactionRow } from "../db/schema.js";
import { composeTicketMessage, type MessageOptions, type TicketMessage } from "../delivery/ticket-message.js";
import type { TicketView } from "../ticket-view.js";
import { attachmentField, fieldTexts, timelineField } from "./marked-text.js";
import { keptTexts, readFieldText, redactionsOf } from "./redaction-ledger.js";

/** One marker in a field as delivered. */
export interface PreviewMark {
  /** The redaction's id, for `restoreRedaction`; undefined for a secret only the delivery's redaction found. */
  readonly id: string | undefined;
  /** The kind of secret: a shape id of core's catalogue, `key-value`, `url-password`, `private-key` or `manual`. */
  readonly kind: string;
  /** The marker's `[from, to)` in the field's text as delivered. */
  readonly from: number;
  readonly to: number;
  /** Where the same marker sits in the message's body, when the body carries the field's text as it is. */
  readonly textFrom: number | undefined;
}

/** A text field of the ticket as it leaves, with its markers. */
export interface PreviewField {
  /**
   * `title`, `description`, `errorText`, `blockerImpact`, `stepsToReproduce.<n>`, `docsConsulted.<n>`,
   * `errorReport.text`, `timeline:<id>` or `attachment:<id>`.
   */
  readonly field: string;
  /** The attachment's file name, for an attachment. */
  readonly attachmentName: string | undefined;
  /** The field's text exactly as delivered. */
  readonly text: string;
  readonly marks: readonly PreviewMark[];
}

/** The message as delivered, and every field that leaves with it, its redactions marked. */
export interface TicketPreview {
  readonly message: TicketMessage;
  readonly fields: readonly PreviewField[];
}

/** A stored position after the delivery's redaction wrote new markers before it. */
const shifted = (position: number, added: ReturnType<typeof redactSecretsMarked>["marks"]): number => {
  let delta = 0;
  for (const mark of added)
    if (mark.original.to <= position)
      delta += REDACTION_MARKER.length - (mark.original.to - mark.original.from);
  return position + delta;
};

const fieldsOf = (view: TicketView) => [
  ...fieldTexts(view.fields as Record<string, unknown>).map((field) => ({
    field,
    attachmentName: undefined,
  })),
  ...view.timeline.map((entry) => ({ field: timelineField(entry.id), attachmentName: undefined })),
  ...view.attachments
    .filter((attachment) => attachment.kind !== "SCREENSHOT")
    .map((attachment) => ({ field: attachmentField(attachment.id), attachmentName: attachment.name })),
];

const markField = (
  stored: string,
  rows: readonly RedactionRow[],
  keep: readonly string[],
  body: string,
): { text: string; marks: PreviewMark[] } => {
  // The delivery's own redaction step: it may find secrets of shapes learned since the text was stored.
  const delivered = redactSecretsMarked(stored, { keep });
  const start = body.indexOf(delivered.text.trim());
  const lead = delivered.text.length - delivered.text.trimStart().length;
  const inBody = (from: number) =>
    start < 0 || delivered.text.trim() === "" ? undefined : start + from - lead;
  const recorded = rows.map((row) => {
    const from = shifted(row.position, delivered.marks);
    return { id: row.id, kind: row.kind, from, to: from + REDACTION_MARKER.length, textFrom: inBody(from) };
  });
  const found = delivered.marks.map((mark) => ({ ...mark, id: undefined, textFrom: inBody(mark.from) }));
  const marks = [...recorded, ...found].map(({ id, kind, from, to, textFrom }) => ({
    id,
    kind,
    from,
    to,
    textFrom,
  }));
  return { text: delivered.text, marks: marks.sort((a, b) => a.from - b.from) };
};

/**
 * Exactly what will leave for this ticket (the message every channel sends) and, for every text field that leaves,
 * its text as delivered with each redaction marked: kind of secret, field, place in the field and in the body.
 * The marks are those the redaction that wrote the stored text recorded, plus any the delivery's redaction adds.
 */
export const previewTicket = async (
  db: TicketDb,
  view: TicketView,
  options: MessageOptions,
): Promise<TicketPreview> => {
  const message = await composeTicketMessage(db, view, options);
  const keep = await keptTexts(db, view.id);
  const rows = (await redactionsOf(db, view.id)).filter((row) => row.status === "ACTIVE");
  const fields: PreviewField[] = [];
  for (const { field, attachmentName } of fieldsOf(view)) {
    const stored = await readFieldText(db, view.id, field);
    if (stored === undefined) continue;
    const marked = markField(
      stored,
      rows.filter((row) => row.field === field),
      keep,
      message.text,
    );
    fields.push({ field, attachmentName, ...marked });
  }
  return { message, fields };
};
