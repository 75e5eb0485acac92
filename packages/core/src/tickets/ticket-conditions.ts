// When a ticket needs the fields the guide asks for only in some cases: a flow id, an error text.
import { type Cause, isCause, isLevel } from "../taxonomy/taxonomy.js";
import type { TicketDraft } from "./ticket.js";

/** Whether a cause happens inside one flow (so support needs the flow id). */
export const isFlowLevelCause = (cause: Cause): boolean => {
  switch (cause) {
    case "SYSTEM_DOWNTIME":
    case "INVALID_CREDENTIALS":
    case "RATE_LIMITED":
    case "MAPPING":
    case "ANSWER_STRUCTURE":
    case "REBOUND_EXHAUSTED":
    case "COMPONENT_ERROR":
    case "COMPONENT_FAILED_TO_START":
    case "OUT_OF_MEMORY":
    case "MESSAGE_TOO_LARGE":
    case "QUEUE_OVERFLOW":
    case "FLOW_SUSPENDED":
    case "LIMITED_WORKSPACE_STOPPED":
    case "MESSAGING_FAILURE":
      return true;
    case "CONTRACT_SUSPENDED":
    case "QUOTA_EXCEEDED":
    case "UNKNOWN":
      return false;
    default: {
      const unhandled: never = cause;
      return unhandled;
    }
  }
};

/**
 * Whether a cause shows itself as an error message a person can copy (so the error text is required).
 * Flow or contract states and quota warnings show as states and e-mails instead: quote those as the error report.
 */
export const isErrorMessageCause = (cause: Cause): boolean => {
  switch (cause) {
    case "SYSTEM_DOWNTIME":
    case "INVALID_CREDENTIALS":
    case "RATE_LIMITED":
    case "MAPPING":
    case "ANSWER_STRUCTURE":
    case "REBOUND_EXHAUSTED":
    case "COMPONENT_ERROR":
    case "COMPONENT_FAILED_TO_START":
    case "OUT_OF_MEMORY":
    case "MESSAGE_TOO_LARGE":
    case "MESSAGING_FAILURE":
      return true;
    case "QUEUE_OVERFLOW":
    case "FLOW_SUSPENDED":
    case "LIMITED_WORKSPACE_STOPPED":
    case "CONTRACT_SUSPENDED":
    case "QUOTA_EXCEEDED":
    case "UNKNOWN":
      return false;
    default: {
      const unhandled: never = cause;
      return unhandled;
    }
  }
};

const isGiven = (value: unknown): boolean =>
  value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");

/**
 * Whether a flow is involved, which makes `flowId` required at submission. An explicit `involvesFlow` decides;
 * otherwise a flow is involved when the ticket carries flow evidence (logs, an error text, a flow version,
 * stuck-message evidence), a flow-level cause, or an integration-logic or component-runtime level (both live in
 * a flow's steps). Safe on ill-typed input: wrong types count as "not given".
 */
export const ticketInvolvesFlow = (ticket: TicketDraft): boolean => {
  if (typeof ticket.involvesFlow === "boolean") return ticket.involvesFlow;
  const evidence = [ticket.logs, ticket.errorText, ticket.flowVersion, ticket.stuckMessageEvidence];
  if (evidence.some(isGiven)) return true;
  if (isCause(ticket.cause) && isFlowLevelCause(ticket.cause)) return true;
  const level = ticket.troubleshootingLevel;
  return isLevel(level) && (level === "INTEGRATION_LOGIC" || level === "COMPONENT_RUNTIME");
};

/**
 * Whether the ticket is about an error, which makes `errorText` required at submission: an error report from the
 * UI or an e-mail is attached, or the cause is one that shows as an error message.
 */
export const ticketHasError = (ticket: TicketDraft): boolean =>
  isGiven(ticket.errorReport) || (isCause(ticket.cause) && isErrorMessageCause(ticket.cause));
