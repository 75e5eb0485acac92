// The guide's fourth and fifth items: how soon a solution is needed, and whether the issue blocks work and by when
// a solution or workaround must be in place.

import { TICKET_LIMITS } from "./ticket-limits.js";
import { TICKET_PRIORITIES } from "./ticket-priority.js";
import {
  readBoolean,
  readChoice,
  readDateTime,
  readText,
  type UnknownRecord,
  type ValidationContext,
} from "./validation-context.js";

/** Checks priority, needed-by time, blocker flag and impact, and the deadline. */
export const validateUrgency = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  const priorityRule = {
    label: "Priority",
    required: ctx.submission,
    allowed: TICKET_PRIORITIES,
    hint: `how soon do you need a solution? One of ${TICKET_PRIORITIES.join(", ")}.`,
  };
  readChoice(ctx, ticket.priority, "priority", priorityRule);
  readDateTime(ctx, ticket.neededBy, "neededBy", {
    label: "Needed by",
    required: false,
    future: ctx.submission,
  });
  const isBlocker = readBoolean(ctx, ticket.isBlocker, "isBlocker", {
    label: "Blocker",
    required: ctx.submission,
    hint: "say whether the issue blocks your work (true or false).",
  });
  const blocking = ctx.submission && isBlocker === true;
  readText(ctx, ticket.blockerImpact, "blockerImpact", {
    label: "Blocker impact",
    required: blocking,
    hint: "explain how the issue blocks your work.",
    minLength: TICKET_LIMITS.blockerImpactMinLength,
    maxLength: TICKET_LIMITS.blockerImpactMaxLength,
  });
  readDateTime(ctx, ticket.deadline, "deadline", {
    label: "Deadline",
    required: blocking,
    hint: "for a blocker, give the time by which a solution or a workaround must be in place.",
    future: ctx.submission,
  });
};
