import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

interface Page<TNode> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: TNode[];
}

/** Filters the platform does not have (steps, executions, levels of errors, authors), applied by the gateway. */
describe("filters the gateway applies while it scans", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  let flowId: string;
  beforeAll(async () => {
    env = await startEmulatorGateway();
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const flow = env.emulator.scenario.flows.find(
      (candidate) => candidate.userId === alice?.id && candidate.expected[0]?.stepId === "step_2",
    );
    flowId = flow?.id as string;
    workspaceId = flow?.workspaceId as string;
  });
  afterAll(async () => {
    await env.close();
  });

  const ask = async <TNode>(field: string, selection: string, variables: Record<string, unknown>) => {
    const query = `query Q($ws: ID!, $first: Int, $after: String, $filter: ${field === "logs" ? "LogFilter" : "ErrorFilter"}) {
      ${field}(workspaceId: $ws, first: $first, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } nodes { ${selection} } } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId, ...variables },
    });
    return dataOf<Page<TNode>>(body, field);
  };

  const walk = async <TNode>(field: string, selection: string, filter: Record<string, unknown>) => {
    const nodes: TNode[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const page: Page<TNode> = await ask<TNode>(field, selection, { first: 7, after, filter });
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return nodes;
  };

  it("pages a step's logs without skipping or repeating an entry", async () => {
    const filter = { flowIds: [flowId], stepIds: ["step_2"] };
    const nodes = await walk<{ id: string; stepId: string }>("logs", "id stepId", filter);
    const expected = env.emulator.scenario.logs.filter(
      (entry) => entry.flow_id === flowId && entry.step_id === "step_2",
    );
    expect(nodes.length).toBeGreaterThan(7);
    expect(nodes.every((node) => node.stepId === "step_2")).toBe(true);
    expect(nodes.map((node) => node.id)).toEqual(expected.map((entry) => entry.id));
  });

  it("reads one execution's logs across its steps, by thread id", async () => {
    const sample = env.emulator.scenario.logs.find((entry) => entry.flow_id === flowId && entry.thread_id);
    const threadId = sample?.thread_id as string;
    const nodes = await walk<{ threadId: string; stepId: string }>("logs", "threadId stepId", {
      flowIds: [flowId],
      executionId: threadId,
    });
    const expected = env.emulator.scenario.logs.filter((entry) => entry.thread_id === threadId);
    expect(nodes.length).toBe(expected.length);
    expect(nodes.every((node) => node.threadId === threadId)).toBe(true);
  });

  it("writes a log file of one step only", async () => {
    const { body } = await env.gateway.query(
      `query($ws: ID!, $filter: LogFilter) { logFile(workspaceId: $ws, filter: $filter, limit: 50) { text entryCount } }`,
      {
        headers: env.as("alice"),
        variables: { ws: workspaceId, filter: { flowIds: [flowId], stepIds: ["step_1"] } },
      },
    );
    const file = dataOf<{ text: string; entryCount: number }>(body, "logFile");
    const lines = file.text.trim().split("\n");
    expect(file.entryCount).toBe(lines.length);
    expect(lines.every((line) => line.split(" ")[2] === "step_1")).toBe(true);
  });

  it("narrows the error inbox by step, level and flow author", async () => {
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const byStep = await walk<{ stepId: string; levelName: string }>("errors", "stepId levelName", {
      stepIds: ["step_2"],
    });
    expect(byStep.length).toBeGreaterThan(0);
    expect(byStep.every((error) => error.stepId === "step_2")).toBe(true);
    const fatal = await walk<{ levelName: string }>("errors", "levelName", { levels: ["FATAL"] });
    expect(fatal.length).toBeGreaterThan(0);
    expect(fatal.every((error) => error.levelName === "FATAL")).toBe(true);
    const mine = await walk<{ flow: { author: { email: string } } }>("errors", "flow { author { email } }", {
      authorIds: [alice?.id],
    });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((error) => error.flow.author.email === alice?.email)).toBe(true);
    expect(await walk("errors", "stepId", { authorIds: ["000000000000000000000000"] })).toEqual([]);
  });
});
