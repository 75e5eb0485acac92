import { validateTicket } from "@flowdoctor/core";
import type { TicketDb } from "./db/open-ticket-db.js";
import {
  canReadTicket,
  canReadTicketLogs,
  type TicketAccess,
  type TicketOwnership,
} from "./ticket-access.js";
import { ticketForbidden, ticketNotFound, ticketProblemError, ticketProblemsError } from "./ticket-errors.js";
import { draftOfView, loadTicketView, type TicketView } from "./ticket-view.js";

/** A stored ticket's owner, contract, workspace and key, as the access rules read them. */
export const ownershipOf = (view: TicketView): TicketOwnership & { readonly key: string } => ({
  key: view.key,
  ownerUserId: view.ownerUserId,
  contractId: view.contractId,
  workspaceId: view.fields.workspaceId,
});

/** The ticket, when the caller may see it; `NOT_FOUND` otherwise (also for ids that are not UUIDs). */
export const readableTicket = async (db: TicketDb, access: TicketAccess, id: string): Promise<TicketView> => {
  const view = isUuid(id) ? await loadTicketView(db, id) : undefined;
  if (view === undefined || !(await canReadTicket(access, ownershipOf(view))))
    throw ticketNotFound("Ticket", id);
  return view;
};

/** Throws `FORBIDDEN` unless the caller may read the ticket's log-bearing parts (see `canReadTicketLogs`). */
export const requireTicketLogs = async (
  access: TicketAccess,
  ticket: TicketOwnership & { readonly key: string },
): Promise<void> => {
  if (await canReadTicketLogs(access, ticket)) return;
  throw ticketForbidden(
    ticket.workspaceId === undefined
      ? `Ticket ${ticket.key} names no workspace, so only its author may read its log text.`
      : `You may not read the logs of workspace ${ticket.workspaceId} on the platform, so ticket ${ticket.key}'s log text is withheld from you.`,
  );
};

/** The ticket, when the caller wrote it and it is still a draft. */
export const editableTicket = async (db: TicketDb, access: TicketAccess, id: string): Promise<TicketView> => {
  const view = await readableTicket(db, access, id);
  if (view.ownerUserId !== access.userId)
    throw ticketForbidden(`Only the author of ticket ${view.key} may change it.`);
  if (view.status !== "DRAFT")
    throw ticketProblemError(
      "id",
      "INVALID_VALUE",
      `Ticket ${view.key} is ${view.status.toLowerCase()} and can no longer change.`,
    );
  return view;
};

/** Validates the ticket as now written (inside the transaction that changed it); throws every problem at once. */
export const requireValid = async (
  db: TicketDb,
  id: string,
  options: { mode: "draft" | "submission"; now: Date },
) => {
  const view = await loadTicketView(db, id);
  if (view === undefined) throw ticketNotFound("Ticket", id);
  const draft = await draftOfView(db, view);
  const problems = validateTicket(draft, options);
  if (problems.length > 0) throw ticketProblemsError(problems);
  return { view, draft };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether a string is a UUID (ticket and attachment ids). */
export const isUuid = (value: string): boolean => UUID.test(value);
