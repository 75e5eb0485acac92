import { randomUUID } from "node:crypto";
import type { TimelineEntry } from "@flowdoctor/core";
import { type AttachmentInput, checkAttachment } from "./check-attachment.js";
import type { TicketDb } from "./db/open-ticket-db.js";
import {
  type TicketFields,
  ticketAttachments,
  ticketStatusHistory,
  tickets,
  ticketTimeline,
} from "./db/schema.js";
import {
  attachmentField,
  type FieldMarks,
  MARKED_FIELDS,
  markField,
  markText,
  timelineField,
} from "./redactions/marked-text.js";
import { clearMarks, insertMarks } from "./redactions/redaction-ledger.js";
import { ticketProblemsError } from "./ticket-errors.js";
import type { TicketFieldsPatch } from "./ticket-fields.js";

/** Timeline entries, each event redacted with its redactions recorded. */
export const insertTimeline = async (
  db: TicketDb,
  ticketId: string,
  entries: readonly TimelineEntry[],
): Promise<void> => {
  for (const entry of entries) {
    const id = randomUUID();
    const { text, marks } = markText(entry.event);
    await db.insert(ticketTimeline).values({ id, ticketId, at: entry.at, event: text });
    await insertMarks(db, ticketId, timelineField(id), marks);
  }
};

/** Checks and stores an attachment; a text's redactions are recorded. Returns its id. */
export const insertAttachment = async (
  db: TicketDb,
  ticketId: string,
  input: AttachmentInput,
): Promise<string> => {
  const marked = typeof input.text === "string" ? markText(input.text) : undefined;
  const { attachment, problems } = checkAttachment(
    marked === undefined ? input : { ...input, text: marked.text },
  );
  if (attachment === undefined)
    throw ticketProblemsError(problems.map((p) => ({ ...p, path: `attachment.${p.path}` })));
  const id = randomUUID();
  await db
    .insert(ticketAttachments)
    .values({ id, ticketId, ...attachment, sizeBytes: attachment.content.length });
  if (marked !== undefined) await insertMarks(db, ticketId, attachmentField(id), marked.marks);
  return id;
};

/**
 * The patch with its free-text fields redacted by core's redaction, and what each redaction masked, to record once
 * the ticket's row exists. Other fields are redacted as a whole by `applyFieldsPatch`.
 */
export const markPatch = (patch: TicketFieldsPatch) => {
  const marked: Record<string, unknown> = { ...patch };
  const marks: FieldMarks[] = [];
  for (const family of MARKED_FIELDS) {
    const value = patch[family];
    if (value === undefined) continue;
    const result = markField(family, value);
    if (value !== null) marked[family] = result.value;
    marks.push(result.marks);
  }
  return { patch: marked as TicketFieldsPatch, marks };
};

/** Records the redactions {@link markPatch} found, in place of those the patched fields had. */
export const recordPatchMarks = async (
  db: TicketDb,
  ticketId: string,
  marks: readonly FieldMarks[],
): Promise<void> => {
  for (const { family, texts } of marks) {
    await clearMarks(db, ticketId, family);
    for (const text of texts) await insertMarks(db, ticketId, text.field, text.marks);
  }
};

/** A new draft's parts, checked outside any transaction. */
export interface PreparedDraft {
  readonly fields: TicketFields;
  readonly marks: ReturnType<typeof markPatch>["marks"];
  readonly timeline: readonly TimelineEntry[];
  readonly logs?: string | undefined;
  readonly logName: string;
}

/** Writes a new draft with `id` (in the caller's transaction). */
export const insertDraft = async (
  tx: TicketDb,
  ownerUserId: string,
  id: string,
  draft: PreparedDraft,
): Promise<void> => {
  const { fields } = draft;
  await tx.insert(tickets).values({ id, ownerUserId, contractId: fields.contractId ?? null, fields });
  await recordPatchMarks(tx, id, draft.marks);
  await tx
    .insert(ticketStatusHistory)
    .values({ ticketId: id, status: "DRAFT", actorUserId: ownerUserId, note: "created" });
  await insertTimeline(tx, id, draft.timeline);
  if (draft.logs !== undefined)
    await insertAttachment(tx, id, { kind: "LOG", name: draft.logName, text: draft.logs });
};
