import { CoreError } from "../errors.js";
import { TICKET_FIELDS } from "./ticket-limits.js";
import type { TicketProblem } from "./ticket-problem.js";
import { validateDiagnosis } from "./validate-diagnosis.js";
import { validateEvidence } from "./validate-evidence.js";
import { validateIds } from "./validate-ids.js";
import { validateTimeline } from "./validate-timeline.js";
import { validateTitleAndDescription } from "./validate-title.js";
import { validateUrgency } from "./validate-urgency.js";
import {
  describeType,
  isRecord,
  report,
  reportUnknownKeys,
  type ValidationContext,
} from "./validation-context.js";

/** How strictly to validate. */
export interface ValidateTicketOptions {
  /**
   * `"draft"` checks only the fields that are present (types, formats, limits); `"submission"` also requires
   * what the troubleshooting guide requires, and that deadlines lie in the future.
   */
  readonly mode: "draft" | "submission";
  /** The current time, against which "in the future" and "too old" are judged. */
  readonly now: Date;
}

/**
 * Validates a ticket and returns every problem at once, in the guide's field order; an empty list means valid.
 * Never throws on bad ticket input (anything, including `null`, is reported as problems); `null` and blank strings
 * count as "not given". Unknown fields are reported, so a misspelt field is not silently lost.
 *
 * Conditional requirements at submission: `flowId` when `ticketInvolvesFlow`, `errorText` when `ticketHasError`,
 * `timeline` (with an entry at `firstObservedAt`) when `reproducible === false`, `docsConsulted` when
 * `docsChecked`, `blockerImpact` and `deadline` when `isBlocker`.
 *
 * @throws CoreError `CORE_INVALID_INPUT` when the options themselves are invalid.
 */
export const validateTicket = (ticket: unknown, options: ValidateTicketOptions): readonly TicketProblem[] => {
  const ctx = createContext(options);
  if (!isRecord(ticket)) {
    const message = `A ticket must be an object with fields such as title and description, not ${describeType(ticket)}.`;
    report(ctx, "", "WRONG_TYPE", message);
    return ctx.problems;
  }
  validateTitleAndDescription(ctx, ticket);
  validateIds(ctx, ticket);
  validateEvidence(ctx, ticket);
  validateTimeline(ctx, ticket);
  validateUrgency(ctx, ticket);
  validateDiagnosis(ctx, ticket);
  reportUnknownKeys(ctx, ticket, TICKET_FIELDS, "");
  return ctx.problems;
};

const createContext = (options: ValidateTicketOptions): ValidationContext => {
  const { mode, now } = (isRecord(options) ? options : {}) as Partial<ValidateTicketOptions>;
  if (mode !== "draft" && mode !== "submission") {
    throw new CoreError(
      "CORE_INVALID_INPUT",
      'validateTicket: options.mode must be "draft" or "submission".',
    );
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new CoreError("CORE_INVALID_INPUT", "validateTicket: options.now must be a valid Date.");
  }
  return { submission: mode === "submission", nowMs: now.getTime(), problems: [] };
};
