import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

interface Page<TNode> {
  nodes: TNode[];
}

/** Issue 15: every flow names its steps step_1, step_2…, so `FlowStep.id` must say which flow it is in. */
describe("global step ids", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  let flowId: string;
  beforeAll(async () => {
    env = await startEmulatorGateway({ TICKET_WORKER: "off" });
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const errorsAtStep2 = env.emulator.scenario.logs.filter(
      (entry) => entry.level >= 50 && entry.step_id === "step_2",
    );
    const flow = env.emulator.scenario.flows.find(
      (candidate) =>
        candidate.userId === alice?.id &&
        errorsAtStep2.some((entry) => entry.flow_id === candidate.id) &&
        errorsAtStep2.some(
          (entry) => entry.flow_id !== candidate.id && entry.workspace_id === candidate.workspaceId,
        ),
    );
    flowId = flow?.id as string;
    workspaceId = flow?.workspaceId as string;
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  const ask = async (query: string, variables: Record<string, unknown>) =>
    (await env.gateway.query(query, { headers: env.as("alice"), variables })).body;

  it("gives each step an id unique across flows and keeps the platform's in stepId", async () => {
    const body = await ask(
      "query($ws: ID!) { flows(workspaceId: $ws, first: 20) { nodes { id steps { id stepId } } } }",
      { ws: workspaceId },
    );
    const flows = dataOf<Page<{ id: string; steps: { id: string; stepId: string }[] }>>(body, "flows").nodes;
    const steps = flows.flatMap((flow) => flow.steps.map((step) => ({ flowId: flow.id, ...step })));
    expect(steps.filter((step) => step.stepId === "step_1").length).toBeGreaterThan(1);
    expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
    expect(steps.every((step) => step.id === `${step.flowId}:${step.stepId}`)).toBe(true);
  });

  it("filters errors and logs by a FlowStep.id to that flow's step, and by a bare step id across flows", async () => {
    const errors = `query($ws: ID!, $filter: ErrorFilter) { errors(workspaceId: $ws, first: 100, filter: $filter) {
      nodes { flowId stepId } } }`;
    const byGlobal = dataOf<Page<{ flowId: string; stepId: string }>>(
      await ask(errors, { ws: workspaceId, filter: { stepIds: [`${flowId}:step_2`] } }),
      "errors",
    ).nodes;
    expect(byGlobal.length).toBeGreaterThan(0);
    expect(byGlobal.every((node) => node.flowId === flowId && node.stepId === "step_2")).toBe(true);
    const byBare = dataOf<Page<{ flowId: string }>>(
      await ask(errors, { ws: workspaceId, filter: { stepIds: ["step_2"] } }),
      "errors",
    ).nodes;
    expect(new Set(byBare.map((node) => node.flowId)).size).toBeGreaterThan(1);
    const logs = dataOf<Page<{ flowId: string; stepId: string }>>(
      await ask(
        "query($ws: ID!, $filter: LogFilter) { logs(workspaceId: $ws, first: 20, filter: $filter) { nodes { flowId stepId } } }",
        { ws: workspaceId, filter: { stepIds: [`${flowId}:step_2`] } },
      ),
      "logs",
    ).nodes;
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((node) => node.flowId === flowId && node.stepId === "step_2")).toBe(true);
  });

  it("stores the platform's step id when a ticket is given a FlowStep.id", async () => {
    const body = await ask(
      `mutation($input: CreateTicketDraftInput!) { createTicketDraft(input: $input) {
        otherIds { stepId } stuckMessageEvidence { lastLogAtPerStep { stepId } containersRunning { stepId } } } }`,
      {
        input: {
          title: "Orders stuck at the CRM step",
          otherIds: { stepId: `${flowId}:step_2` },
          stuckMessageEvidence: {
            flowSuspended: false,
            lastLogAtPerStep: [
              { stepId: `${flowId}:step_2`, at: new Date(Date.now() - 3_600_000).toISOString() },
            ],
            containersRunning: [{ stepId: `${flowId}:step_2`, running: true }],
          },
        },
      },
    );
    expect(dataOf(body, "createTicketDraft")).toEqual({
      otherIds: { stepId: "step_2" },
      stuckMessageEvidence: {
        lastLogAtPerStep: [{ stepId: "step_2" }],
        containersRunning: [{ stepId: "step_2" }],
      },
    });
  });
});
