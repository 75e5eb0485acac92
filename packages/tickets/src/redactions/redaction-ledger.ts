import { randomUUID } from "node:crypto";
import { REDACTION_MARKER } from "@flowdoctor/core";
import { and, asc, eq, gt, isNotNull, like, or, sql } from "drizzle-orm";
import type { TicketDb } from "../db/open-ticket-db.js";
import {
  type RedactionRow,
  ticketAttachments,
  ticketRedactions,
  tickets,
  ticketTimeline,
} from "../db/schema.js";
import { fieldPath, type PendingMark, textAt } from "./marked-text.js";

/** Adds the marks of `field`, which has none yet: a new text, or one whose family's marks were cleared. */
export const insertMarks = async (
  db: TicketDb,
  ticketId: string,
  field: string,
  marks: readonly PendingMark[],
): Promise<void> => {
  if (marks.length === 0) return;
  await db
    .insert(ticketRedactions)
    .values(marks.map((mark) => ({ id: randomUUID(), ticketId, field, ...mark })));
};

/** Forgets the marks of a top-level field and of every text inside it (`stepsToReproduce.0`, `errorReport.text`). */
export const clearMarks = (db: TicketDb, ticketId: string, family: string) =>
  db
    .delete(ticketRedactions)
    .where(
      and(
        eq(ticketRedactions.ticketId, ticketId),
        or(eq(ticketRedactions.field, family), like(ticketRedactions.field, `${family}.%`)),
      ),
    );

/** A ticket's redactions, in the order written, field by field. */
export const redactionsOf = (db: TicketDb, ticketId: string): Promise<RedactionRow[]> =>
  db
    .select()
    .from(ticketRedactions)
    .where(eq(ticketRedactions.ticketId, ticketId))
    .orderBy(asc(ticketRedactions.field), asc(ticketRedactions.position), asc(ticketRedactions.seq));

/** Texts a person said are not secret on this ticket: redaction on the way out leaves them. */
export const keptTexts = async (db: TicketDb, ticketId: string): Promise<string[]> => {
  const rows = await db
    .select({ original: ticketRedactions.original })
    .from(ticketRedactions)
    .where(
      and(
        eq(ticketRedactions.ticketId, ticketId),
        eq(ticketRedactions.status, "RESTORED"),
        isNotNull(ticketRedactions.original),
      ),
    );
  return rows.flatMap((row) => (row.original === null ? [] : [row.original]));
};

/**
 * Forgets what the still-active redactions hid (at submission: nothing can be restored once the ticket left).
 * Restored texts stay: a person said they are not secret, and redaction on the way out must keep leaving them.
 */
export const forgetOriginals = (db: TicketDb, ticketId: string) =>
  db
    .update(ticketRedactions)
    .set({ original: null })
    .where(and(eq(ticketRedactions.ticketId, ticketId), eq(ticketRedactions.status, "ACTIVE")));

/**
 * The stored text of a ticket's free-text field (`title`, `stepsToReproduce.0`, `errorReport.text`…), `timeline:<id>`
 * or `attachment:<id>`; undefined when there is none.
 */
export const readFieldText = async (
  db: TicketDb,
  ticketId: string,
  field: string,
): Promise<string | undefined> => {
  const [part, id] = field.split(":", 2) as [string, string | undefined];
  if (part === "timeline" && id !== undefined) {
    const rows = await db
      .select({ event: ticketTimeline.event, ticketId: ticketTimeline.ticketId })
      .from(ticketTimeline)
      .where(sql`${ticketTimeline.id}::text = ${id}`);
    return rows[0]?.ticketId === ticketId ? rows[0].event : undefined;
  }
  if (part === "attachment" && id !== undefined) {
    const rows = await db
      .select({ content: ticketAttachments.content, kind: ticketAttachments.kind })
      .from(ticketAttachments)
      .where(and(sql`${ticketAttachments.id}::text = ${id}`, eq(ticketAttachments.ticketId, ticketId)));
    const row = rows[0];
    return row === undefined || row.kind === "SCREENSHOT" ? undefined : row.content.toString("utf8");
  }
  const path = fieldPath(field);
  if (path === undefined) return undefined;
  const [row] = await db.select({ fields: tickets.fields }).from(tickets).where(eq(tickets.id, ticketId));
  return textAt(row?.fields, path);
};

/** Stores a new text for a field read by {@link readFieldText}. */
const writeFieldText = async (db: TicketDb, ticketId: string, field: string, text: string) => {
  const [part, id] = field.split(":", 2) as [string, string];
  if (part === "timeline")
    await db.update(ticketTimeline).set({ event: text }).where(eq(ticketTimeline.id, id));
  else if (part === "attachment")
    await db
      .update(ticketAttachments)
      .set({ content: Buffer.from(text, "utf8"), sizeBytes: Buffer.byteLength(text, "utf8") })
      .where(eq(ticketAttachments.id, id));
  else
    await db
      .update(tickets)
      .set({
        fields: sql`jsonb_set(${tickets.fields}, ${`{${fieldPath(field)?.join(",")}}`}::text[], to_jsonb(${text}::text))`,
      })
      .where(eq(tickets.id, ticketId));
};

/** Moves the later marks of a field by `delta` characters after its text changed before them. */
const shiftLater = (
  db: TicketDb,
  row: Pick<RedactionRow, "ticketId" | "field" | "position">,
  delta: number,
) =>
  db
    .update(ticketRedactions)
    .set({ position: sql`${ticketRedactions.position} + ${delta}` })
    .where(
      and(
        eq(ticketRedactions.ticketId, row.ticketId),
        eq(ticketRedactions.field, row.field),
        eq(ticketRedactions.status, "ACTIVE"),
        gt(ticketRedactions.position, row.position),
      ),
    );

/** Puts a redaction's original text back in place of its marker; false when it cannot be. */
export const restoreMark = async (db: TicketDb, row: RedactionRow): Promise<boolean> => {
  if (row.status !== "ACTIVE" || row.original === null) return false;
  const text = await readFieldText(db, row.ticketId, row.field);
  if (text?.slice(row.position, row.position + REDACTION_MARKER.length) !== REDACTION_MARKER) return false;
  const restored =
    text.slice(0, row.position) + row.original + text.slice(row.position + REDACTION_MARKER.length);
  await writeFieldText(db, row.ticketId, row.field, restored);
  await db.update(ticketRedactions).set({ status: "RESTORED" }).where(eq(ticketRedactions.id, row.id));
  await shiftLater(db, row, row.original.length - REDACTION_MARKER.length);
  return true;
};

/** Masks `[from, to)` of a field's stored text by hand and records it as a `manual` redaction. */
export const redactRange = async (
  db: TicketDb,
  ticketId: string,
  field: string,
  text: string,
  range: { readonly from: number; readonly to: number },
): Promise<RedactionRow> => {
  const original = text.slice(range.from, range.to);
  await writeFieldText(
    db,
    ticketId,
    field,
    text.slice(0, range.from) + REDACTION_MARKER + text.slice(range.to),
  );
  await shiftLater(db, { ticketId, field, position: range.from }, REDACTION_MARKER.length - original.length);
  const [row] = await db
    .insert(ticketRedactions)
    .values({ id: randomUUID(), ticketId, field, kind: "manual", position: range.from, original })
    .returning();
  return row as RedactionRow;
};
