import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

interface ErrorNode {
  id: string;
  fingerprint: string;
  classification: { cause: string };
}
interface ErrorPage {
  totalCount: number | null;
  scan: { scanned: number; limitReached: boolean };
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: ErrorNode[];
}

const ERRORS = `query E($ws: ID!, $first: Int, $after: String, $filter: ErrorFilter) {
  errors(workspaceId: $ws, first: $first, after: $after, filter: $filter) {
    totalCount
    scan { scanned limitReached }
    pageInfo { hasNextPage endCursor }
    nodes { id fingerprint classification { cause } }
  }
}`;

/** Reads every page of the inbox, returning the ids in order and the pages read. */
const walk = async (env: EmulatorGateway, workspaceId: string, variables: Record<string, unknown>) => {
  const ids: string[] = [];
  const pages: ErrorPage[] = [];
  let after: string | null = null;
  for (let round = 0; round < 200; round += 1) {
    const { body } = await env.gateway.query(ERRORS, {
      headers: env.as("alice"),
      variables: { ws: workspaceId, after, ...variables },
    });
    const page = dataOf<ErrorPage>(body, "errors");
    pages.push(page);
    ids.push(...page.nodes.map((node) => node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids, pages };
};

describe("the error inbox over the demo emulator", () => {
  let env: EmulatorGateway;
  let small: EmulatorGateway;
  let workspaceId: string;
  let all: ErrorNode[];

  beforeAll(async () => {
    env = await startEmulatorGateway();
    small = await startEmulatorGateway({ MAX_LOG_SCAN: "100" });
    const { body } = await env.gateway.query("{ workspaces { nodes { id name } } }", {
      headers: env.as("alice"),
    });
    const nodes = dataOf<{ nodes: { id: string; name: string }[] }>(body, "workspaces").nodes;
    workspaceId = nodes.find((node) => node.name === "Acme Production")?.id as string;
    all = [];
    let after: string | null = null;
    for (;;) {
      const page: ErrorPage = dataOf<ErrorPage>(
        (
          await env.gateway.query(ERRORS, {
            headers: env.as("alice"),
            variables: { ws: workspaceId, first: 100, after },
          })
        ).body,
        "errors",
      );
      all.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  });
  afterAll(async () => {
    await env.close();
    await small.close();
  });
  beforeEach(() => {
    env.emulator.resetRequests();
  });

  it("lists every error entry once, classified, matching the platform's count", async () => {
    const { ids, pages } = await walk(env, workspaceId, { first: 37 });
    expect(ids).toEqual(all.map((node) => node.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages[0]?.totalCount).toBe(all.length);
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((node) => node.classification.cause)).size).toBeGreaterThan(3);
  });

  it("filters by cause before paging: small pages give exactly the matching entries, none skipped or repeated", async () => {
    const cause = all[Math.floor(all.length / 2)]?.classification.cause as string;
    const expected = all.filter((node) => node.classification.cause === cause).map((node) => node.id);
    const { ids, pages } = await walk(env, workspaceId, { first: 3, filter: { causes: [cause] } });
    expect(ids).toEqual(expected);
    expect(pages[0]?.totalCount).toBeNull();
  });

  it("stops at MAX_LOG_SCAN, says so, and resumes from where it stopped without losing a match", async () => {
    const rare = [...new Set(all.map((node) => node.classification.cause))].find(
      (cause) => all.filter((node) => node.classification.cause === cause).length <= 5,
    ) as string;
    const expected = all.filter((node) => node.classification.cause === rare).map((node) => node.id);
    const { ids, pages } = await walk(small, workspaceId, { first: 50, filter: { causes: [rare] } });
    expect(ids).toEqual(expected);
    expect(pages.some((page) => page.scan.limitReached)).toBe(true);
    expect(pages.every((page) => page.scan.scanned <= 100)).toBe(true);
  });

  it("costs the same few platform calls a page, whatever the page size", async () => {
    const counts: number[] = [];
    for (const first of [5, 100]) {
      env.emulator.resetRequests();
      await env.gateway.query(ERRORS, { headers: env.as("alice"), variables: { ws: workspaceId, first } });
      counts.push(env.upstreamCalls().length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[1]).toBeLessThanOrEqual(4);
  });

  it("groups every scanned error by fingerprint, in ≤ 4 platform calls", async () => {
    env.emulator.resetRequests();
    const query = `query G($ws: ID!) { errorGroups(workspaceId: $ws, first: 100) {
      totalCount scan { scanned limitReached }
      nodes { fingerprint count executionCount classification { cause } errors(first: 100) { fingerprint } } } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId },
    });
    const groups = dataOf<{
      totalCount: number;
      scan: { scanned: number; limitReached: boolean };
      nodes: { fingerprint: string; count: number; errors: { fingerprint: string }[] }[];
    }>(body, "errorGroups");
    expect(env.upstreamCalls().length).toBeLessThanOrEqual(4);
    expect(groups.scan).toEqual({ scanned: all.length, limitReached: false });
    expect(groups.nodes.reduce((sum, group) => sum + group.count, 0)).toBe(all.length);
    expect(new Set(groups.nodes.map((group) => group.fingerprint)).size).toBe(groups.totalCount);
    for (const group of groups.nodes) {
      expect(group.errors.length).toBe(group.count);
      expect(group.errors.every((error) => error.fingerprint === group.fingerprint)).toBe(true);
    }
    expect(new Set(all.map((node) => node.fingerprint)).size).toBe(groups.totalCount);
  });

  it("walks errors → a group → its logs → the flow's steps", async () => {
    const first = all[0] as ErrorNode;
    const query = `query Walk($ws: ID!, $fp: String!) { errorGroup(workspaceId: $ws, fingerprint: $fp) {
      fingerprint count sample { threadId stepId logs(first: 20) { threadId levelName } }
      flow { id steps { id } } step { id stepId } } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId, fp: first.fingerprint },
    });
    const group = dataOf<{
      fingerprint: string;
      sample: {
        threadId: string | null;
        stepId: string;
        logs: { threadId: string | null; levelName: string }[];
      };
      flow: { id: string; steps: { id: string }[] };
      step: { id: string; stepId: string };
    }>(body, "errorGroup");
    expect(group.fingerprint).toBe(first.fingerprint);
    expect(group.sample.logs.length).toBeGreaterThan(0);
    if (group.sample.threadId) {
      expect(group.sample.logs.every((entry) => entry.threadId === group.sample.threadId)).toBe(true);
    }
    expect(group.step.stepId).toBe(group.sample.stepId);
    expect(group.step.id).toBe(`${group.flow.id}:${group.sample.stepId}`);
    expect(group.flow.steps.map((step) => step.id)).toContain(group.step.id);
  });

  it("answers the same through Workspace.errors, Workspace.errorGroups and Workspace.flows", async () => {
    const query = `query W($ws: ID!) { workspace(id: $ws) {
      errors(first: 5) { totalCount nodes { id } }
      errorGroups(first: 100) { totalCount }
      flows(first: 100) { totalCount } } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId },
    });
    const workspace = dataOf<{
      errors: { totalCount: number; nodes: { id: string }[] };
      errorGroups: { totalCount: number };
      flows: { totalCount: number };
    }>(body, "workspace");
    expect(workspace.errors.totalCount).toBe(all.length);
    expect(workspace.errors.nodes.map((node) => node.id)).toEqual(all.slice(0, 5).map((node) => node.id));
    expect(workspace.errorGroups.totalCount).toBe(new Set(all.map((node) => node.fingerprint)).size);
    expect(workspace.flows.totalCount).toBeGreaterThan(0);
  });

  it("says NOT_FOUND for a fingerprint it has not seen", async () => {
    const { body } = await env.gateway.query(
      'query G($ws: ID!) { errorGroup(workspaceId: $ws, fingerprint: "0000000000000000") { count } }',
      { headers: env.as("alice"), variables: { ws: workspaceId } },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("is FORBIDDEN or NOT_FOUND for another tenant's workspace", async () => {
    const { body } = await env.gateway.query(ERRORS, {
      headers: env.as("bob"),
      variables: { ws: workspaceId, first: 5 },
    });
    expect(body.data).toEqual({ errors: null });
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(body.errors?.[0]?.extensions?.code);
    expect(body.errors?.[0]?.path).toEqual(["errors"]);
  });
});
