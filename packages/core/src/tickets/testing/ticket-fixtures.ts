// Shared inputs for the ticket tests. Not exported from the package.
import type { Ticket } from "../ticket.js";
import type { TicketProblem, TicketProblemCode } from "../ticket-problem.js";
import { validateTicket } from "../validate-ticket.js";

/** The fixed "now" of the ticket tests. */
export const NOW = new Date("2026-03-27T12:00:00Z");

export const CONTRACT_ID = "585918da586224001b96de89";
export const WORKSPACE_ID = "5b4f337bff4304610483ba67";
export const FLOW_ID = "5b5ed1b1a1fd1f0011f0a5ff";
export const VERSION_SHA = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";

/** A time `minutes` away from {@link NOW} (negative for the past), as ISO-8601 in UTC. */
export const minutesFromNow = (minutes: number): string =>
  new Date(NOW.getTime() + minutes * 60_000).toISOString();

/** A ticket that passes submission validation at {@link NOW}, with every field the guide asks for. */
export const completeTicket = (overrides: Readonly<Record<string, unknown>> = {}): Ticket =>
  ({
    title: "Orders flow stops after the CRM update",
    description:
      "Since this morning the orders flow stops at step 2 (CRM upsert). Expected: orders are created in the CRM. " +
      "Actual: every message fails with HTTP 500 and the error below.",
    contractId: CONTRACT_ID,
    workspaceId: WORKSPACE_ID,
    flowId: FLOW_ID,
    flowVersion: "latest",
    otherIds: { stepId: "step_2", threadId: "3b1f8c52-5c1a-4e57-9d7e-0f0b3a5c9e11" },
    stepsToReproduce: ["Start the flow", "Post an order to the webhook"],
    reproducible: false,
    screenshots: [{ name: "errors-tab.png", mediaType: "image/png", sizeBytes: 123_456 }],
    logs: "2026-03-27T08:15:02.120Z ERROR step_2 Request failed with status code 500\n",
    errorText: "Error: Request failed with status code 500",
    firstObservedAt: "2026-03-27T08:15:00Z",
    docsChecked: true,
    docsConsulted: ["Managing Flow Errors"],
    timeline: [
      { at: "2026-03-27T07:50:00Z", event: "CRM vendor deployed a new API version" },
      { at: "2026-03-27T09:15:00+01:00", event: "First failed order in the Errors tab" },
    ],
    errorReport: {
      source: "email",
      text: "Flow 'Orders' step 'CRM upsert' failed",
      receivedAt: "2026-03-27T08:16:00Z",
    },
    priority: "HIGH",
    neededBy: "2026-03-28T12:00:00Z",
    isBlocker: true,
    blockerImpact: "No orders reach the CRM, so the warehouse cannot ship.",
    deadline: "2026-03-28T17:00:00+01:00",
    supportAccessGranted: true,
    troubleshootingLevel: "INTEGRATION_LOGIC",
    cause: "SYSTEM_DOWNTIME",
    ...overrides,
  }) as Ticket;

/** Validates at {@link NOW} in submission mode. */
export const submit = (ticket: unknown): readonly TicketProblem[] =>
  validateTicket(ticket, { mode: "submission", now: NOW });

/** Validates at {@link NOW} in draft mode. */
export const checkDraft = (ticket: unknown): readonly TicketProblem[] =>
  validateTicket(ticket, { mode: "draft", now: NOW });

/** The codes of the problems at one path. */
export const codesAt = (problems: readonly TicketProblem[], path: string): TicketProblemCode[] =>
  problems.filter((problem) => problem.path === path).map((problem) => problem.code);

/** The message of the first problem at one path. */
export const messageAt = (problems: readonly TicketProblem[], path: string): string =>
  problems.find((problem) => problem.path === path)?.message ?? "";
