import { CoreError } from "../errors.js";
import { TICKET_LIMITS } from "./ticket-limits.js";

/**
 * The e-mail subject of a ticket: `[Flowdoctor #42] Orders flow stops after the CRM update`. The title is put on
 * one line and cut to `TICKET_LIMITS.titleMaxLength` characters with an ellipsis.
 *
 * @throws CoreError `CORE_INVALID_INPUT` when `number` is not a positive whole number.
 */
export const ticketSubject = (number: number, title: string | undefined): string => {
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new CoreError("CORE_INVALID_INPUT", "ticketSubject: number must be a positive whole number.");
  }
  const oneLine = (typeof title === "string" ? title : "").replace(/\s+/g, " ").trim() || "(no title)";
  const max = TICKET_LIMITS.titleMaxLength;
  const shown = oneLine.length > max ? `${oneLine.slice(0, max - 1).trimEnd()}…` : oneLine;
  return `[Flowdoctor #${number}] ${shown}`;
};
