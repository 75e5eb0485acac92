import type { EmulatorUser } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowdoctorClient } from "./client.js";
import { type FlowdoctorError, isFlowdoctorError } from "./errors.js";
import type { FlowdoctorClient } from "./flowdoctor-client.js";
import { TypedDocumentString } from "./generated/index.js";
import { type GatewayFixture, startGatewayFixture } from "./testing/gateway-fixture.js";

/** The rejection of a promise, which must reject with an SDK error. */
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

describe("every SDK method against a gateway on the emulator", () => {
  let env: GatewayFixture;
  let alice: EmulatorUser;
  let client: FlowdoctorClient;
  const since = new Date(Date.now() - 3 * 86_400_000).toISOString();

  const clientAs = (user: EmulatorUser, extra: { retries?: number } = {}) =>
    createFlowdoctorClient({ url: env.gateway.graphqlUrl, email: user.email, apiKey: user.apiKey, ...extra });
  const memberOf = (members: readonly { userId: string }[], user: EmulatorUser) =>
    members.some((member) => member.userId === user.id);
  const aliceWorkspaces = () => env.emulator.scenario.workspaces.filter((ws) => memberOf(ws.members, alice));
  const aliceFlows = (workspaceId: string) =>
    env.emulator.scenario.flows.filter((flow) => flow.workspaceId === workspaceId);

  beforeAll(async () => {
    env = await startGatewayFixture();
    alice = env.user("alice");
    client = clientAs(alice);
  });
  afterAll(async () => {
    await client?.close();
    await env?.close();
  });

  it("gateway: reads version, upstream mode and limits without a login", async () => {
    const anonymous = createFlowdoctorClient({ url: env.gateway.graphqlUrl });
    const { data, errors } = await anonymous.gateway();
    await anonymous.close();
    expect(errors).toEqual([]);
    expect(data.upstream).toBe("PLATFORM");
    expect(data.limits.maxPageSize).toBe(100);
    expect(data.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("me: returns the logged-in user", async () => {
    const { data } = await client.me();
    expect(data).toMatchObject({ id: alice.id, email: alice.email });
    expect(`${data.firstName} ${data.lastName}`).toBe(alice.name);
  });

  it("contracts and contract: the caller's contracts, and one by id", async () => {
    const expected = env.emulator.scenario.contracts.filter((contract) => memberOf(contract.members, alice));
    const { data } = await client.contracts({ first: 100 });
    expect(data.totalCount).toBe(expected.length);
    expect(data.nodes.map((node) => node.id).sort()).toEqual(expected.map((contract) => contract.id).sort());
    const first = expected[0];
    if (!first) throw new Error("alice has no contract in the demo");
    const one = await client.contract({ id: first.id });
    expect(one.data).toMatchObject({ id: first.id, name: first.name, status: first.status.toUpperCase() });
  });

  it("workspaces and workspace: the caller's workspaces, one with its contract", async () => {
    const expected = aliceWorkspaces();
    const { data } = await client.workspaces();
    expect(data.nodes.map((node) => node.name).sort()).toEqual(expected.map((ws) => ws.name).sort());
    const [target] = expected;
    if (!target) throw new Error("alice has no workspace in the demo");
    const one = await client.workspace({ id: target.id });
    expect(one.data).toMatchObject({ id: target.id, name: target.name, contractId: target.contractId });
    expect(one.data.contract?.id).toBe(target.contractId);
  });

  it("flows and flow: a workspace's flows, one with its steps in order", async () => {
    const [workspace] = aliceWorkspaces();
    if (!workspace) throw new Error("alice has no workspace in the demo");
    const expected = aliceFlows(workspace.id);
    const { data } = await client.flows({ workspaceId: workspace.id, first: 100 });
    expect(data.totalCount).toBe(expected.length);
    expect(data.nodes.map((flow) => flow.id).sort()).toEqual(expected.map((flow) => flow.id).sort());
    const target = expected[0];
    if (!target) throw new Error("the workspace has no flow");
    const one = await client.flow({ id: target.id });
    expect(one.data).toMatchObject({ id: target.id, name: target.name, workspaceId: workspace.id });
    expect(one.data.steps.map((step) => step.position)).toEqual(one.data.steps.map((_, index) => index));
    expect(one.data.steps[0]?.isTrigger).toBe(true);
  });

  it("flows: applies the platform's filter", async () => {
    const [workspace] = aliceWorkspaces();
    if (!workspace) throw new Error("alice has no workspace in the demo");
    const active = aliceFlows(workspace.id).filter((flow) => flow.status === "active");
    const { data } = await client.flows({
      workspaceId: workspace.id,
      filter: { status: "ACTIVE" },
      first: 100,
    });
    expect(data.nodes.map((flow) => flow.id).sort()).toEqual(active.map((flow) => flow.id).sort());
  });

  it("diagnoseFlow: names the cause a demo flow was built to show, with a ticket draft", async () => {
    const workspaceIds = new Set(aliceWorkspaces().map((ws) => ws.id));
    const target = env.emulator.scenario.flows.find(
      (flow) => workspaceIds.has(flow.workspaceId) && flow.expected[0]?.cause === "SYSTEM_DOWNTIME",
    );
    if (!target) throw new Error("the demo has no downtime flow alice can see");
    const { data } = await client.diagnoseFlow({ flowId: target.id, since });
    expect(data.flowId).toBe(target.id);
    expect(data.flowName).toBe(target.name);
    expect(data.verdict.cause).toBe("SYSTEM_DOWNTIME");
    // The demo's WMS outage ended an hour ago and every run since has passed.
    expect(data.verdict.status).toBe("RECOVERED");
    expect(Date.parse(data.verdict.recoveredAt ?? "")).toBeLessThan(Date.now());
    expect(data.findings.length).toBeGreaterThan(0);
    expect(data.errorGroups.length).toBeGreaterThan(0);
    expect(data.ticket.draft).toMatchObject({ flowId: target.id });
  });

  it("diagnoseWorkspace: one verdict per flow, worst first", async () => {
    const [workspace] = aliceWorkspaces();
    if (!workspace) throw new Error("alice has no workspace in the demo");
    const { data } = await client.diagnoseWorkspace({ workspaceId: workspace.id, since, first: 100 });
    expect(data.nodes.map((verdict) => verdict.flowId).sort()).toEqual(
      aliceFlows(workspace.id)
        .map((flow) => flow.id)
        .sort(),
    );
    const rank = { FAILING: 0, DEGRADED: 1, UNCHECKED: 2, RECOVERED: 3, HEALTHY: 4 } as const;
    const ranks = data.nodes.map((verdict) => rank[verdict.verdict.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("rootCauses: the workspace's failing flows grouped by what they share, worst first", async () => {
    const [workspace] = aliceWorkspaces();
    if (!workspace) throw new Error("alice has no workspace in the demo");
    const { data } = await client.rootCauses({ workspaceId: workspace.id, since });
    expect(data.rootCauses.length).toBeGreaterThan(0);
    const reach = data.rootCauses.map((cause) => cause.fix.flows);
    expect(reach).toEqual([...reach].sort((a, b) => b - a));
    const flowIds = new Set(aliceFlows(workspace.id).map((flow) => flow.id));
    for (const cause of data.rootCauses)
      for (const flow of cause.flows) expect(flowIds.has(flow.flowId)).toBe(true);

    // The whole contract: every flow the workspace's answer names is named again, with its workspace.
    const contract = await client.rootCauses({ contractId: workspace.contractId, since });
    expect(contract.data.workspaceIds).toContain(workspace.id);
    const named = new Map(
      contract.data.rootCauses.flatMap((cause) => cause.flows.map((flow) => [flow.flowId, flow])),
    );
    for (const cause of data.rootCauses)
      for (const flow of cause.flows) expect(named.get(flow.flowId)?.workspaceId).toBe(workspace.id);
  });

  it("flowHealth: every flow of the workspace against its own rhythm", async () => {
    const [workspace] = aliceWorkspaces();
    if (!workspace) throw new Error("alice has no workspace in the demo");
    const { data } = await client.flowHealth({ workspaceId: workspace.id });
    expect(data.flows.map((flow) => flow.flowId).sort()).toEqual(
      aliceFlows(workspace.id)
        .map((flow) => flow.id)
        .sort(),
    );
    for (const flow of data.flows)
      expect(flow.flagged).toBe(
        ["STUCK_CONSUMER", "MISSED_RUN", "INTAKE_STOPPED", "WENT_QUIET", "VOLUME_DROPPED"].includes(
          flow.status,
        ),
      );
  });

  it("request: runs one's own typed document, with and without variables", async () => {
    const own = new TypedDocumentString<{ me: { email: string } }, Record<string, never>>(
      "query Mine { me { email } }",
    );
    expect((await client.request(own)).data.me.email).toBe(alice.email);
    const [workspace] = aliceWorkspaces();
    const byId = new TypedDocumentString<{ workspace: { name: string } | null }, { id: string }>(
      "query One($id: ID!) { workspace(id: $id) { name } }",
    );
    const { data } = await client.request(byId, { id: workspace?.id ?? "" });
    expect(data.workspace?.name).toBe(workspace?.name);
  });
});

describe("page walkers", () => {
  let env: GatewayFixture;
  let client: FlowdoctorClient;
  let alice: EmulatorUser;
  const since = new Date(Date.now() - 3 * 86_400_000).toISOString();

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

  const aliceWorkspace = () => {
    const workspace = env.emulator.scenario.workspaces.find(
      (ws) => ws.members.some((member) => member.userId === alice.id) && ws.name === "Acme Production",
    );
    if (!workspace) throw new Error("the demo has no Acme Production workspace for alice");
    return workspace;
  };

  it("allFlows walks every page once, in the same order as one big page", async () => {
    const workspace = aliceWorkspace();
    const whole = await client.flows({ workspaceId: workspace.id, first: 100 });
    expect(whole.data.nodes.length).toBeGreaterThan(5);
    env.emulator.resetRequests();
    const walked = await collect(client.allFlows({ workspaceId: workspace.id, first: 2 }));
    expect(walked.map((flow) => flow.id)).toEqual(whole.data.nodes.map((flow) => flow.id));
  });

  it("allWorkspaces and allContracts page through one item at a time", async () => {
    const workspaces = await collect(client.allWorkspaces({ first: 1 }));
    expect(workspaces.map((ws) => ws.id).sort()).toEqual(
      env.emulator.scenario.workspaces
        .filter((ws) => ws.members.some((member) => member.userId === alice.id))
        .map((ws) => ws.id)
        .sort(),
    );
    const contracts = await collect(client.allContracts({ first: 1 }));
    expect(new Set(contracts.map((contract) => contract.id)).size).toBe(contracts.length);
    expect(contracts.map((contract) => contract.id).sort()).toEqual(
      [...new Set(workspaces.map((ws) => ws.contractId))].sort(),
    );
  });

  it("allFlowVerdicts yields a verdict for every flow of the workspace", async () => {
    const workspace = aliceWorkspace();
    const verdicts = await collect(client.allFlowVerdicts({ workspaceId: workspace.id, since, first: 3 }));
    expect(verdicts.map((verdict) => verdict.flowId).sort()).toEqual(
      env.emulator.scenario.flows
        .filter((flow) => flow.workspaceId === workspace.id)
        .map((flow) => flow.id)
        .sort(),
    );
  });

  it("paginate walks one's own connection document", async () => {
    const workspace = aliceWorkspace();
    const names = new TypedDocumentString<
      { flows: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { name: string }[] } },
      { workspaceId: string; first?: number; after?: string | null }
    >(
      "query Names($workspaceId: ID!, $first: Int, $after: String) { flows(workspaceId: $workspaceId, first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { name } } }",
    );
    const walked = await collect(
      client.paginate(names, { workspaceId: workspace.id, first: 4 }, (data) => data.flows),
    );
    expect(walked.map((flow) => flow.name).sort()).toEqual(
      env.emulator.scenario.flows
        .filter((flow) => flow.workspaceId === workspace.id)
        .map((flow) => flow.name)
        .sort(),
    );
  });

  it("a walker stops with the page's error instead of skipping it", async () => {
    const walker = client.allFlows({ workspaceId: aliceWorkspace().id, first: 1000 });
    const error = await rejectionOf(walker.next());
    expect(error.code).toBe("BAD_USER_INPUT");
  });
});
