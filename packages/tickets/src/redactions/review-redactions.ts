import { REDACTION_MARKER } from "@flowdoctor/core";
import { and, eq } from "drizzle-orm";
import type { TicketDb } from "../db/open-ticket-db.js";
import { type RedactionRow, ticketRedactions, ticketStatusHistory } from "../db/schema.js";
import type { TicketAccess } from "../ticket-access.js";
import { ticketProblemError } from "../ticket-errors.js";
import { isUuid } from "../ticket-guards.js";
import { readFieldText, redactRange, restoreMark } from "./redaction-ledger.js";

/** A span of a draft's stored text to mask by hand: the field (as the preview names it) and `[from, to)`. */
export interface RedactSpanInput {
  readonly field: string;
  readonly from: number;
  readonly to: number;
}

const MAX_SPAN_CHARS = 10_000;

const describe = (row: Pick<RedactionRow, "kind" | "field" | "position">): string =>
  `${row.kind} in ${row.field} at ${row.position}`;

const recordHistory = (tx: TicketDb, ticketId: string, actorUserId: string, status: string, note: string) =>
  tx.insert(ticketStatusHistory).values({ ticketId, status, actorUserId, note });

/** Restores one active redaction of a draft (in the caller's transaction); `BAD_USER_INPUT` names `redactionId`. */
export const restoreRedaction = async (
  tx: TicketDb,
  access: TicketAccess,
  ticketId: string,
  redactionId: string,
): Promise<void> => {
  const [row] = isUuid(redactionId)
    ? await tx
        .select()
        .from(ticketRedactions)
        .where(and(eq(ticketRedactions.id, redactionId), eq(ticketRedactions.ticketId, ticketId)))
    : [];
  if (row === undefined)
    throw ticketProblemError(
      "redactionId",
      "NOT_FOUND",
      `The ticket has no redaction ${JSON.stringify(redactionId)}.`,
    );
  if (row.status === "RESTORED")
    throw ticketProblemError("redactionId", "INVALID_VALUE", "This redaction was already restored.");
  if (!(await restoreMark(tx, row)))
    throw ticketProblemError(
      "redactionId",
      "INVALID_VALUE",
      "What this redaction masked is no longer known, so it cannot be restored.",
    );
  await recordHistory(tx, ticketId, access.userId, "REDACTION_RESTORED", `restored ${describe(row)}`);
};

const spanProblem = (text: string, span: RedactSpanInput): { path: string; message: string } | undefined => {
  if (!Number.isSafeInteger(span.from) || span.from < 0 || span.from > text.length)
    return { path: "from", message: `from must be between 0 and the text's length (${text.length}).` };
  if (!Number.isSafeInteger(span.to) || span.to <= span.from || span.to > text.length)
    return { path: "to", message: `to must be after from and at most the text's length (${text.length}).` };
  if (span.to - span.from > MAX_SPAN_CHARS)
    return { path: "to", message: `A span holds at most ${MAX_SPAN_CHARS} characters.` };
  const around = text.slice(
    Math.max(0, span.from - REDACTION_MARKER.length + 1),
    span.to + REDACTION_MARKER.length - 1,
  );
  if (around.includes(REDACTION_MARKER))
    return { path: "from", message: "The span touches text that is already redacted." };
  return undefined;
};

/** Masks a span of a draft's text by hand (in the caller's transaction); `BAD_USER_INPUT` names the field. */
export const redactSpan = async (
  tx: TicketDb,
  access: TicketAccess,
  ticketId: string,
  span: RedactSpanInput,
): Promise<void> => {
  const text = await readFieldText(tx, ticketId, span.field);
  if (text === undefined)
    throw ticketProblemError(
      "field",
      "INVALID_VALUE",
      `The ticket has no text field ${JSON.stringify(span.field)}; use a field the preview names.`,
    );
  const problem = spanProblem(text, span);
  if (problem !== undefined) throw ticketProblemError(problem.path, "INVALID_VALUE", problem.message);
  const row = await redactRange(tx, ticketId, span.field, text, span);
  await recordHistory(tx, ticketId, access.userId, "SPAN_REDACTED", `redacted ${describe(row)} by hand`);
};
