import type { TicketDraft } from "./ticket.js";
import { RECOMMENDED_DOCS, type TicketField } from "./ticket-limits.js";
import { TICKET_PRIORITIES, TICKET_PRIORITY_INFO } from "./ticket-priority.js";

/** A field only the reporter can give, still missing, with the question to ask them. */
export interface MissingTicketField {
  readonly field: TicketField;
  readonly question: string;
}

const isMissing = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

const priorityChoices = TICKET_PRIORITIES.map(
  (p) => `${TICKET_PRIORITY_INFO[p].label}: ${TICKET_PRIORITY_INFO[p].howSoon}`,
);

const QUESTIONS: { readonly [F in TicketField]?: string } = {
  title: "What is a short title for the issue (a few words, not the description)?",
  description: "What happened, what did you expect instead, and in which step?",
  firstObservedAt: "When did you first see the problem (date, time and time zone)?",
  docsChecked: `Have you checked the documentation (e.g. ${RECOMMENDED_DOCS.slice(0, 2).join(", ")}) without finding a solution?`,
  docsConsulted: "Which documentation pages did you consult?",
  timeline:
    "The issue is not easy to reproduce: what exactly happened when, starting with the time you first saw the error?",
  priority: `How soon do you need a solution? (${priorityChoices.join("; ")})`,
  isBlocker: "Does this issue block your work?",
  blockerImpact: "How does the issue block your work?",
  deadline: "By when must a solution or a workaround be in place?",
};

/**
 * The fields a submission requires that only the reporter can give and that are still missing, in the guide's
 * order, each with a question to ask. Fields the diagnosis gathers itself (ids, error text, logs) are left out;
 * `validateTicket` in submission mode reports those. The first-observed time is asked for when the logs did not
 * give it (a flow whose problem left no error in the window). A missing
 * field is `undefined`, `null`, blank text or an empty list; wrongly typed values are for `validateTicket` to report.
 */
export const missingForSubmission = (draft: TicketDraft): readonly MissingTicketField[] => {
  const ticket = (typeof draft === "object" && draft !== null ? draft : {}) as TicketDraft;
  const missing: TicketField[] = [];
  if (isMissing(ticket.title)) missing.push("title");
  if (isMissing(ticket.description)) missing.push("description");
  if (isMissing(ticket.firstObservedAt)) missing.push("firstObservedAt");
  if (isMissing(ticket.docsChecked)) missing.push("docsChecked");
  if (ticket.docsChecked === true && isMissing(ticket.docsConsulted)) missing.push("docsConsulted");
  if (ticket.reproducible === false && isMissing(ticket.timeline)) missing.push("timeline");
  if (isMissing(ticket.priority)) missing.push("priority");
  if (isMissing(ticket.isBlocker)) missing.push("isBlocker");
  if (ticket.isBlocker === true && isMissing(ticket.blockerImpact)) missing.push("blockerImpact");
  if (ticket.isBlocker === true && isMissing(ticket.deadline)) missing.push("deadline");
  return missing.map((field) => ({ field, question: QUESTIONS[field] ?? `What is the ${field}?` }));
};
