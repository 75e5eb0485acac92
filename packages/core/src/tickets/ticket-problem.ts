/** Codes of ticket validation problems. Codes are API: add, never rename. */
export const TICKET_PROBLEM_CODES = [
  /** A required field is missing (or blank). */
  "REQUIRED",
  /** The value has the wrong type, e.g. a number where text belongs. */
  "WRONG_TYPE",
  /** A field the ticket does not have (often a misspelling). */
  "UNKNOWN_FIELD",
  "TOO_LONG",
  "TOO_SHORT",
  "TOO_MANY",
  "TOO_LARGE",
  /** Line breaks where one line is expected. */
  "NOT_SINGLE_LINE",
  /** Control or binary characters in text. */
  "CONTROL_CHARACTER",
  /** The title is (part of) the description: several sentences, or the description's start. */
  "TITLE_IS_DESCRIPTION",
  /** The title contains a stack trace or a log line. */
  "TITLE_HAS_LOG",
  /** Not a 24-hex ObjectId. */
  "INVALID_OBJECT_ID",
  "INVALID_FLOW_VERSION",
  /** Not one of the allowed values. */
  "INVALID_VALUE",
  /** An image or an image reference where text belongs. */
  "NOT_TEXT",
  "INVALID_DATE_TIME",
  "MISSING_TIME_ZONE",
  "IN_FUTURE",
  "TOO_OLD",
  /** A deadline that has already passed. */
  "NOT_IN_FUTURE",
  /** The timeline lacks an entry at the incident time (`firstObservedAt`). */
  "INCIDENT_NOT_IN_TIMELINE",
  "UNSUPPORTED_MEDIA_TYPE",
  /** The troubleshooting level contradicts the cause's level. */
  "LEVEL_MISMATCH",
] as const;
/** The code of a ticket validation problem. */
export type TicketProblemCode = (typeof TICKET_PROBLEM_CODES)[number];

/** One thing wrong with a ticket. */
export interface TicketProblem {
  /** The field path, e.g. `title`, `timeline[2].at`, `otherIds.threadId`; `""` for the ticket itself. */
  readonly path: string;
  readonly code: TicketProblemCode;
  /** What is wrong and how to fix it, for a person. */
  readonly message: string;
}
