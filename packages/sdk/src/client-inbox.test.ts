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

describe("the error inbox, error groups and logs through the SDK", () => {
  let env: GatewayFixture;
  let alice: EmulatorUser;
  let client: FlowdoctorClient;
  let workspaceId: string;

  const scenarioLogs = () => env.emulator.scenario.logs.filter((entry) => entry.workspace_id === workspaceId);
  const scenarioErrors = () => scenarioLogs().filter((entry) => entry.level >= 50);

  beforeAll(async () => {
    env = await startGatewayFixture();
    alice = env.user("alice");
    client = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: alice.email,
      apiKey: alice.apiKey,
    });
    const workspace = env.emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production");
    if (!workspace) throw new Error("the demo has no Acme Production workspace");
    workspaceId = workspace.id;
  });
  afterAll(async () => {
    await client?.close();
    await env?.close();
  });

  it("classifyError: a 401 is invalid credentials, without a login", async () => {
    const anonymous = createFlowdoctorClient({ url: env.gateway.graphqlUrl });
    const { data } = await anonymous.classifyError({ message: "Error: Code: 401 Message: Unauthorized" });
    await anonymous.close();
    expect(data.cause).toBe("INVALID_CREDENTIALS");
    expect(data.level).toBe("INTEGRATION_LOGIC");
    expect(data.evidence.length).toBeGreaterThan(0);
  });

  it("errors: the inbox counts the workspace's error and fatal entries, newest first", async () => {
    const { data } = await client.errors({ workspaceId, first: 10 });
    const expected = scenarioErrors();
    expect(data.totalCount).toBe(expected.length);
    expect(data.nodes.map((node) => node.id)).toEqual(expected.slice(0, 10).map((entry) => entry.id));
    expect(data.nodes.every((node) => node.level >= 50 && node.classification.cause.length > 0)).toBe(true);
    expect(data.nodes[0]?.flow?.id).toBe(expected[0]?.flow_id);
  });

  it("allErrors walks the whole inbox once, in order", async () => {
    const walked = await collect(client.allErrors({ workspaceId, first: 100 }));
    expect(walked.map((node) => node.id)).toEqual(scenarioErrors().map((entry) => entry.id));
  });

  it("setErrorGroupState resolves a group with a note; errorGroups filters by state, typed", async () => {
    const { data: before } = await client.errorGroups({ workspaceId, first: 100 });
    const target = before.nodes[0];
    if (target === undefined) throw new Error("the demo workspace has no error groups");
    expect(target.status.state).toBe("NEW");
    const { data: status } = await client.setErrorGroupState({
      input: { workspaceId, fingerprint: target.fingerprint, state: "RESOLVED", note: "fixed the mapping" },
    });
    expect(status).toMatchObject({ state: "RESOLVED", stored: true, note: "fixed the mapping" });
    const { data: resolved } = await client.errorGroups({ workspaceId, states: ["RESOLVED"], first: 100 });
    expect(resolved.nodes.map((node) => node.fingerprint)).toEqual([target.fingerprint]);
    const refused = await rejectionOf(
      client.setErrorGroupState({
        input: { workspaceId, fingerprint: target.fingerprint, state: "SNOOZED" },
      }),
    );
    expect(refused.code).toBe("BAD_USER_INPUT");
  });

  it("errorGroups and allErrorGroups: one group per fingerprint, counts adding up to the inbox", async () => {
    const { data } = await client.errorGroups({ workspaceId, first: 100 });
    const walked = await collect(client.allErrorGroups({ workspaceId, first: 2 }));
    expect(walked.map((group) => group.fingerprint)).toEqual(data.nodes.map((group) => group.fingerprint));
    expect(new Set(walked.map((group) => group.fingerprint)).size).toBe(walked.length);
    const total = walked.reduce((sum, group) => sum + group.count, 0);
    expect(data.scan.limitReached || total === scenarioErrors().length).toBe(true);
  });

  it("errorGroup: one group by fingerprint with its latest errors", async () => {
    const { data: page } = await client.errorGroups({ workspaceId, first: 1 });
    const group = page.nodes[0];
    if (!group) throw new Error("the workspace has no error group");
    const { data } = await client.errorGroup({ workspaceId, fingerprint: group.fingerprint, errorsFirst: 3 });
    expect(data.fingerprint).toBe(group.fingerprint);
    expect(data.errors.length).toBe(Math.min(3, group.count));
    expect(data.errors.every((error) => error.fingerprint === group.fingerprint)).toBe(true);
    const missing = await rejectionOf(client.errorGroup({ workspaceId, fingerprint: "no-such-fingerprint" }));
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("logs and allLogs: every level, newest first, filtered by level", async () => {
    const { data } = await client.logs({ workspaceId, first: 5 });
    expect(data.totalCount).toBe(scenarioLogs().length);
    expect(data.nodes.map((entry) => entry.id)).toEqual(
      scenarioLogs()
        .slice(0, 5)
        .map((entry) => entry.id),
    );
    const fatal = await collect(client.allLogs({ workspaceId, filter: { levels: ["FATAL"] }, first: 50 }));
    expect(fatal.map((entry) => entry.id)).toEqual(
      scenarioLogs()
        .filter((entry) => entry.level === 60)
        .map((entry) => entry.id),
    );
  });

  it("logFile: a text file, oldest first, truncated at the limit", async () => {
    const { data } = await client.logFile({ workspaceId, limit: 5 });
    expect(data.entryCount).toBe(5);
    expect(data.truncated).toBe(scenarioLogs().length > 5);
    expect(data.text.trim().split("\n")).toHaveLength(5);
  });
});
