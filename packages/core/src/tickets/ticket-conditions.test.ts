import { describe, expect, it } from "vitest";
import { CAUSE_INFO, CAUSES } from "../taxonomy/taxonomy.js";
import {
  isErrorMessageCause,
  isFlowLevelCause,
  ticketHasError,
  ticketInvolvesFlow,
} from "./ticket-conditions.js";
import { isTicketPriority } from "./ticket-priority.js";

describe("ticketInvolvesFlow", () => {
  it("follows an explicit involvesFlow", () => {
    expect(ticketInvolvesFlow({ involvesFlow: false, logs: "boom", cause: "COMPONENT_ERROR" })).toBe(false);
    expect(ticketInvolvesFlow({ involvesFlow: true })).toBe(true);
  });

  it("infers a flow from flow evidence", () => {
    expect(ticketInvolvesFlow({ logs: "boom" })).toBe(true);
    expect(ticketInvolvesFlow({ errorText: "boom" })).toBe(true);
    expect(ticketInvolvesFlow({ flowVersion: "latest" })).toBe(true);
    expect(ticketInvolvesFlow({ cause: "OUT_OF_MEMORY" })).toBe(true);
    expect(ticketInvolvesFlow({ troubleshootingLevel: "COMPONENT_RUNTIME" })).toBe(true);
  });

  it("infers no flow from contract-wide causes, blank evidence or nothing", () => {
    expect(ticketInvolvesFlow({})).toBe(false);
    expect(ticketInvolvesFlow({ cause: "CONTRACT_SUSPENDED", troubleshootingLevel: "PLATFORM" })).toBe(false);
    expect(ticketInvolvesFlow({ logs: "  ", errorText: "" })).toBe(false);
    expect(ticketInvolvesFlow({ cause: "nonsense" } as never)).toBe(false);
  });

  it("treats every cause but contract suspension, quotas and unknown as flow-level", () => {
    const notFlow = CAUSES.filter((cause) => !isFlowLevelCause(cause));
    expect(notFlow).toEqual(["CONTRACT_SUSPENDED", "QUOTA_EXCEEDED", "UNKNOWN"]);
  });
});

describe("ticketHasError", () => {
  it("is true with an error report or an error-message cause", () => {
    expect(ticketHasError({ errorReport: { source: "ui", text: "x" } })).toBe(true);
    expect(ticketHasError({ cause: "COMPONENT_ERROR" })).toBe(true);
  });

  it("is false for state causes and for nothing", () => {
    expect(ticketHasError({ cause: "FLOW_SUSPENDED" })).toBe(false);
    expect(ticketHasError({})).toBe(false);
  });

  it("counts every integration-logic and component-runtime cause as showing an error message", () => {
    for (const cause of CAUSES) {
      if (
        CAUSE_INFO[cause].level === "INTEGRATION_LOGIC" ||
        CAUSE_INFO[cause].level === "COMPONENT_RUNTIME"
      ) {
        expect(isErrorMessageCause(cause)).toBe(true);
      }
    }
  });
});

describe("isTicketPriority", () => {
  it("accepts only the priorities", () => {
    expect(isTicketPriority("URGENT")).toBe(true);
    expect(isTicketPriority("urgent")).toBe(false);
    expect(isTicketPriority(1)).toBe(false);
  });
});
