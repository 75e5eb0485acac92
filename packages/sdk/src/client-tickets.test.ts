import type { EmulatorUser } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowdoctorClient } from "./client.js";
import { type FlowdoctorError, isFlowdoctorError } from "./errors.js";
import type { FlowdoctorClient } from "./flowdoctor-client.js";
import { type GatewayFixture, startGatewayFixture } from "./testing/gateway-fixture.js";

const rejectionOf = async (promise: Promise<unknown>): Promise<FlowdoctorError> => {
  try {
    await promise;
  } catch (error) {
    if (isFlowdoctorError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to reject");
};

const collect = async <TNode>(nodes: AsyncIterable<TNode>): Promise<TNode[]> => {
  const all: TNode[] = [];
  for await (const node of nodes) all.push(node);
  return all;
};

describe("tickets through the SDK", () => {
  let env: GatewayFixture;
  let alice: EmulatorUser;
  let client: FlowdoctorClient;

  const flowWith = (cause: string) => {
    const flow = env.emulator.scenario.flows.find((candidate) => candidate.expected[0]?.cause === cause);
    if (!flow) throw new Error(`the demo has no ${cause} flow`);
    return flow;
  };

  beforeAll(async () => {
    env = await startGatewayFixture();
    alice = env.user("alice");
    client = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: alice.email,
      apiKey: alice.apiKey,
    });
  });
  afterAll(async () => {
    await client?.close();
    await env?.close();
  });

  it("createTicketFromDiagnosis starts a draft the diagnosis filled in, saying what is missing", async () => {
    const flow = flowWith("OUT_OF_MEMORY");
    const { data } = await client.createTicketFromDiagnosis({ flowId: flow.id });
    expect(data.ticket).toMatchObject({ status: "DRAFT", flowId: flow.id, cause: "OUT_OF_MEMORY" });
    expect(data.ticket.troubleshootingLevel).toBe("PLATFORM");
    expect(data.ticket.title).toContain(flow.name);
    expect(data.missing.map((field) => field.field)).toEqual(data.ticket.missing.map((field) => field.field));
    const again = await client.ticket({ id: data.ticket.id });
    expect(again.data).toMatchObject({ id: data.ticket.id, key: data.ticket.key, status: "DRAFT" });
  });

  it("a draft is edited, gains and loses an attachment, previews, then submits once per idempotency key", async () => {
    const flow = flowWith("QUEUE_OVERFLOW");
    const { data: created } = await client.createTicketFromDiagnosis({ flowId: flow.id });
    const id = created.ticket.id;
    const refused = await rejectionOf(client.submitTicket({ id, idempotencyKey: "first-try" }));
    expect(refused.code).toBe("BAD_USER_INPUT");
    expect(refused.problems.map((problem) => problem.path).sort()).toEqual(
      created.missing.map((field) => field.field).sort(),
    );
    expect(refused.problems.every((problem) => problem.code !== undefined && problem.message !== "")).toBe(
      true,
    );

    const updated = await client.updateTicket({ id, input: { isBlocker: false, reproducible: false } });
    expect(updated.data).toMatchObject({ isBlocker: false, reproducible: false, missing: [] });
    const withEvent = await client.addTimelineEvent({
      ticketId: id,
      entry: { at: new Date().toISOString(), event: "Restarted the flow; the queue kept growing" },
    });
    expect(withEvent.data.timeline.at(-1)?.event).toBe("Restarted the flow; the queue kept growing");
    const attached = await client.addAttachment({
      input: { ticketId: id, kind: "LOG", name: "step.log", text: "a\nb\n" },
    });
    const attachment = attached.data.attachments.find((candidate) => candidate.name === "step.log");
    expect(attachment).toMatchObject({ kind: "LOG", sizeBytes: 4 });
    const removed = await client.removeAttachment({ id: attachment?.id ?? "" });
    expect(removed.data.attachments.some((candidate) => candidate.name === "step.log")).toBe(false);

    const preview = await client.ticketPreview({ id });
    expect(preview.data.to).toBe("support@elastic.io");
    expect(preview.data.subject).toContain(created.ticket.key);
    expect(preview.data.text).toContain(flow.id);

    const submitted = await client.submitTicket({ id, idempotencyKey: "key-1" });
    expect(submitted.data.status).toBe("SUBMITTED");
    const repeated = await client.submitTicket({ id, idempotencyKey: "key-1" });
    expect(repeated.data).toMatchObject({ id, status: "SUBMITTED", submittedAt: submitted.data.submittedAt });
  });

  it("createTicketDraft, retryTicketDelivery (refused for a draft) and cancelTicket", async () => {
    const { data } = await client.createTicketDraft({
      input: { title: "Flows stopped overnight", involvesFlow: false },
    });
    expect(data).toMatchObject({ status: "DRAFT", title: "Flows stopped overnight" });
    const notFailed = await rejectionOf(client.retryTicketDelivery({ id: data.id }));
    expect(notFailed.code).toBe("BAD_USER_INPUT");
    expect(notFailed.problems).toEqual([
      expect.objectContaining({ path: "delivery.status", code: "INVALID_VALUE" }),
    ]);
    const cancelled = await client.cancelTicket({ id: data.id, reason: "found it myself" });
    expect(cancelled.data.status).toBe("CANCELLED");
    const error = await rejectionOf(client.ticket({ id: "00000000-0000-4000-8000-000000000000" }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("tickets and allTickets: the caller's tickets, newest first, every page", async () => {
    const { data } = await client.tickets({ first: 100 });
    expect(data.totalCount).toBeGreaterThanOrEqual(3);
    const walked = await collect(client.allTickets({ first: 1 }));
    expect(walked.map((ticket) => ticket.id)).toEqual(data.nodes.map((ticket) => ticket.id));
    const created = walked.map((ticket) => Date.parse(ticket.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const drafts = await collect(client.allTickets({ filter: { status: "SUBMITTED" } }));
    expect(drafts.map((ticket) => ticket.status)).toEqual(drafts.map(() => "SUBMITTED"));
    expect(drafts.length).toBe(1);
  });
});
