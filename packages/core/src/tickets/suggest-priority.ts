import { CoreError } from "../errors.js";
import type { WorkspaceType } from "../model/platform.js";
import { CAUSE_INFO, type Cause, isCause, isLevel, type Level } from "../taxonomy/taxonomy.js";
import { TICKET_PRIORITIES, TICKET_PRIORITY_INFO, type TicketPriority } from "./ticket-priority.js";

/** What {@link suggestPriority} weighs. Every field is optional. */
export interface PriorityFacts {
  /** The troubleshooting level; used when no cause is known. */
  readonly level?: Level;
  /** The diagnosed cause; decides the starting priority. */
  readonly cause?: Cause;
  /** Whether the issue blocks the reporter's work. */
  readonly isBlocker?: boolean;
  /** The workspace's type: `limited` workspaces are for development and testing. */
  readonly workspaceType?: WorkspaceType;
}

/** A suggested priority and the reasons, one sentence per step, in the order applied. */
export interface PrioritySuggestion {
  readonly priority: TicketPriority;
  readonly reasons: readonly string[];
}

/**
 * Suggests a priority; the reporter decides. The reasoning:
 * 1. Start from the cause: lost messages (`MESSAGING_FAILURE`) or a suspended contract are URGENT; platform
 *    safeguards that stop a flow (queue overflow, suspension, out of memory, failed start, quota) are HIGH;
 *    component errors, message size, rebound exhaustion, limited-workspace stops and unknown causes are NORMAL;
 *    problems at the external system or in the mapping (downtime, credentials, rate limits, mapping, answer
 *    structure) are LOW, since the fix is on the reporter's side and support can rarely speed it up.
 *    Without a cause, the level decides: PLATFORM HIGH, COMPONENT_RUNTIME and UNCLASSIFIED NORMAL,
 *    INTEGRATION_LOGIC LOW; without either, NORMAL.
 * 2. A limited (development) workspace lowers it one step, unless the issue is a blocker.
 * 3. A blocker is at least HIGH.
 *
 * @throws CoreError `CORE_INVALID_INPUT` when a field has a value outside its type.
 */
export const suggestPriority = (facts: PriorityFacts): PrioritySuggestion => {
  checkFacts(facts);
  const reasons: string[] = [];
  let priority = startingPriority(facts, reasons);
  if (facts.workspaceType === "limited" && facts.isBlocker !== true && priority !== "LOW") {
    priority = shift(priority, 1);
    reasons.push(`The workspace is a limited (development) workspace, so one step lower: ${priority}.`);
  }
  if (facts.isBlocker === true && rank(priority) > rank("HIGH")) {
    priority = "HIGH";
    reasons.push("The issue blocks work, so at least HIGH.");
  }
  reasons.push(
    `${TICKET_PRIORITY_INFO[priority].label} means a solution is needed ${TICKET_PRIORITY_INFO[priority].howSoon}.`,
  );
  return { priority, reasons };
};

const rank = (priority: TicketPriority): number => TICKET_PRIORITIES.indexOf(priority);

const shift = (priority: TicketPriority, steps: number): TicketPriority =>
  TICKET_PRIORITIES[Math.min(TICKET_PRIORITIES.length - 1, rank(priority) + steps)] ?? priority;

const startingPriority = (facts: PriorityFacts, reasons: string[]): TicketPriority => {
  if (facts.cause !== undefined) {
    const priority = causePriority(facts.cause);
    reasons.push(
      `The cause is ${CAUSE_INFO[facts.cause].title.toLowerCase()} (${facts.cause}): ${priority}.`,
    );
    return priority;
  }
  if (facts.level !== undefined) {
    const priority = levelPriority(facts.level);
    reasons.push(`No cause is known; the level is ${facts.level}: ${priority}.`);
    return priority;
  }
  reasons.push("Neither cause nor level is known: NORMAL.");
  return "NORMAL";
};

const causePriority = (cause: Cause): TicketPriority => {
  switch (cause) {
    case "MESSAGING_FAILURE":
    case "CONTRACT_SUSPENDED":
      return "URGENT";
    case "QUEUE_OVERFLOW":
    case "FLOW_SUSPENDED":
    case "OUT_OF_MEMORY":
    case "COMPONENT_FAILED_TO_START":
    case "QUOTA_EXCEEDED":
      return "HIGH";
    case "COMPONENT_ERROR":
    case "MESSAGE_TOO_LARGE":
    case "REBOUND_EXHAUSTED":
    case "LIMITED_WORKSPACE_STOPPED":
    case "UNKNOWN":
      return "NORMAL";
    case "SYSTEM_DOWNTIME":
    case "INVALID_CREDENTIALS":
    case "RATE_LIMITED":
    case "MAPPING":
    case "ANSWER_STRUCTURE":
      return "LOW";
    default: {
      const unhandled: never = cause;
      return unhandled;
    }
  }
};

const levelPriority = (level: Level): TicketPriority => {
  switch (level) {
    case "PLATFORM":
      return "HIGH";
    case "COMPONENT_RUNTIME":
    case "UNCLASSIFIED":
      return "NORMAL";
    case "INTEGRATION_LOGIC":
      return "LOW";
    default: {
      const unhandled: never = level;
      return unhandled;
    }
  }
};

const checkFacts = (facts: PriorityFacts): void => {
  const fail = (message: string): never => {
    throw new CoreError("CORE_INVALID_INPUT", `suggestPriority: ${message}`);
  };
  if (typeof facts !== "object" || facts === null) fail("facts must be an object.");
  if (facts.cause !== undefined && !isCause(facts.cause)) fail("facts.cause must be a taxonomy cause code.");
  if (facts.level !== undefined && !isLevel(facts.level)) fail("facts.level must be a taxonomy level code.");
  if (facts.isBlocker !== undefined && typeof facts.isBlocker !== "boolean")
    fail("facts.isBlocker must be a boolean.");
  if (
    facts.workspaceType !== undefined &&
    facts.workspaceType !== "full" &&
    facts.workspaceType !== "limited"
  ) {
    fail('facts.workspaceType must be "full" or "limited".');
  }
};
