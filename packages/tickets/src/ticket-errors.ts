import type { TicketProblem } from "@flowdoctor/core";

/** The codes a ticket operation fails with; the same words as the gateway's GraphQL error codes. */
export type TicketErrorCode = "NOT_FOUND" | "FORBIDDEN" | "BAD_USER_INPUT";

/** One thing wrong with a ticket input: the field path, a code of core's `TICKET_PROBLEM_CODES`, and a message. */
export type TicketInputProblem = Pick<TicketProblem, "path" | "message"> & { readonly code: string };

/** Safe-to-show facts beside the code: `field`, `problems`. */
export type TicketErrorExtensions = Readonly<Record<string, unknown>> & { readonly code: TicketErrorCode };

/**
 * The one error a ticket operation throws for the caller to see. `extensions` holds the code and its facts; GraphQL
 * copies an error's `extensions` into the response, so the gateway needs no mapping.
 */
export class TicketError extends Error {
  override readonly name = "TicketError";
  readonly code: TicketErrorCode;
  readonly extensions: TicketErrorExtensions;

  constructor(code: TicketErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message);
    this.code = code;
    this.extensions = { ...details, code };
  }
}

/**
 * `BAD_USER_INPUT` listing every problem at once in `extensions.problems` (path, code, message); the message
 * names the first few, so clients that show only messages still see what to fix.
 */
export const ticketProblemsError = (problems: readonly TicketInputProblem[]): TicketError => {
  const shown = problems
    .slice(0, 3)
    .map((problem) => `${problem.path || "ticket"}: ${problem.message}`)
    .join("; ");
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  return new TicketError("BAD_USER_INPUT", `The ticket has ${problems.length} problem(s): ${shown}${more}`, {
    problems: problems.map(({ path, code, message }) => ({ path, code, message })),
  });
};

/** One problem as a `BAD_USER_INPUT` error. */
export const ticketProblemError = (path: string, code: string, message: string): TicketError =>
  ticketProblemsError([{ path, code, message }]);

/** `NOT_FOUND` for a ticket or attachment that does not exist or that the caller may not see (never which). */
export const ticketNotFound = (what: string, id: string): TicketError =>
  new TicketError("NOT_FOUND", `${what} ${JSON.stringify(id)} does not exist or is not visible to you.`);

/** `FORBIDDEN`: the caller may see the ticket but not do this to it. */
export const ticketForbidden = (
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): TicketError => new TicketError("FORBIDDEN", message, details);
