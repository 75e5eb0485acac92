export type { AppUrlIds } from "./app-url.js";
export { idsFromAppUrl, ticketAppPath } from "./app-url.js";
export type { MissingTicketField } from "./missing-for-submission.js";
export { missingForSubmission } from "./missing-for-submission.js";
export type { RenderTicketOptions } from "./render-ticket.js";
export { renderTicket } from "./render-ticket.js";
export type { PriorityFacts, PrioritySuggestion } from "./suggest-priority.js";
export { suggestPriority } from "./suggest-priority.js";
export type {
  ErrorReport,
  ErrorReportSource,
  FlowVersionRef,
  ScreenshotMediaType,
  ScreenshotRef,
  StuckMessageEvidence,
  Ticket,
  TicketDraft,
  TicketOtherIds,
  TimelineEntry,
} from "./ticket.js";
export {
  isErrorMessageCause,
  isFlowLevelCause,
  ticketHasError,
  ticketInvolvesFlow,
} from "./ticket-conditions.js";
export type { TicketField } from "./ticket-limits.js";
export {
  RECOMMENDED_DOCS,
  SCREENSHOT_MEDIA_TYPES,
  TICKET_FIELDS,
  TICKET_LIMITS,
  TICKET_OTHER_ID_FIELDS,
} from "./ticket-limits.js";
export type { TicketPriority, TicketPriorityInfo } from "./ticket-priority.js";
export { isTicketPriority, TICKET_PRIORITIES, TICKET_PRIORITY_INFO } from "./ticket-priority.js";
export type { TicketProblem, TicketProblemCode } from "./ticket-problem.js";
export { TICKET_PROBLEM_CODES } from "./ticket-problem.js";
export { ticketSubject } from "./ticket-subject.js";
export type { ValidateTicketOptions } from "./validate-ticket.js";
export { validateTicket } from "./validate-ticket.js";
