import type { TicketProblem } from "@flowdoctor/core";
import { GraphQLError } from "graphql";
import { GatewayGraphQLError } from "../errors.js";

/** One thing wrong with a ticket input: the field path, a code of core's `TICKET_PROBLEM_CODES`, and a message. */
export type TicketInputProblem = Pick<TicketProblem, "path" | "message"> & { readonly code: string };

/**
 * `BAD_USER_INPUT` listing every problem at once in `extensions.problems` (path, code, message); the message
 * names the first few, so clients that show only messages still see what to fix.
 */
export const ticketProblemsError = (problems: readonly TicketInputProblem[]): GraphQLError => {
  const shown = problems
    .slice(0, 3)
    .map((problem) => `${problem.path || "ticket"}: ${problem.message}`)
    .join("; ");
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
  return new GraphQLError(`The ticket has ${problems.length} problem(s): ${shown}${more}`, {
    extensions: {
      code: "BAD_USER_INPUT",
      problems: problems.map(({ path, code, message }) => ({ path, code, message })),
    },
  });
};

/** One problem as a `BAD_USER_INPUT` error. */
export const ticketProblemError = (path: string, code: string, message: string): GraphQLError =>
  ticketProblemsError([{ path, code, message }]);

/** `NOT_FOUND` for a ticket or attachment that does not exist or that the caller may not see (never which). */
export const ticketNotFound = (what: string, id: string): GatewayGraphQLError =>
  new GatewayGraphQLError(
    "NOT_FOUND",
    `${what} ${JSON.stringify(id)} does not exist or is not visible to you.`,
  );
