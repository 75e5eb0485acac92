import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

interface ErrorPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null; newerCount: number | null };
  nodes: { id: string }[];
}

const ERRORS = `query E($ws: ID!, $first: Int, $after: String, $filter: ErrorFilter) {
  errors(workspaceId: $ws, first: $first, after: $after, filter: $filter) {
    pageInfo { hasNextPage endCursor newerCount }
    nodes { id }
  }
}`;

describe("a newest-first walk of the error inbox while new errors arrive", () => {
  let env: EmulatorGateway;
  let workspaceId: string;

  beforeAll(async () => {
    env = await startEmulatorGateway();
    workspaceId = env.emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
  });
  afterAll(async () => env?.close());

  const page = async (after: string | null, filter?: object) =>
    dataOf<ErrorPage>(
      (
        await env.gateway.query(ERRORS, {
          headers: env.as("alice"),
          variables: { ws: workspaceId, first: 25, after, ...(filter === undefined ? {} : { filter }) },
        })
      ).body,
      "errors",
    );

  /** Logs `count` new errors now, copies of a seeded one with fresh ids. */
  const logNewErrors = (count: number) => {
    const template = env.emulator.scenario.logs.find(
      (entry) => entry.workspace_id === workspaceId && entry.level >= 50,
    );
    if (template === undefined) throw new Error("the demo workspace has no errors");
    const entries = Array.from({ length: count }, () => ({
      ...template,
      id: randomUUID(),
      timestamp: new Date(Date.now() + 1000).toISOString(),
    }));
    env.emulator.appendLogs(entries);
    return entries.map((entry) => entry.id);
  };

  const walk = async (filter?: object) => {
    const ids: string[] = [];
    const newer: (number | null)[] = [];
    let after: string | null = null;
    for (let round = 0; round < 100; round += 1) {
      const current: ErrorPage = await page(after, filter);
      ids.push(...current.nodes.map((node) => node.id));
      newer.push(current.pageInfo.newerCount);
      // New errors arrive after every page.
      logNewErrors(2);
      if (!current.pageInfo.hasNextPage) break;
      after = current.pageInfo.endCursor;
    }
    return { ids, newer };
  };

  it("neither skips nor repeats an item, and says how many newer ones arrived since its first page", async () => {
    const expected = env.emulator.scenario.logs
      .filter((entry) => entry.workspace_id === workspaceId && entry.level >= 50)
      .map((entry) => entry.id);
    const { ids, newer } = await walk();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    // Two new errors arrive after each page; each page counts those that came before it.
    expect(newer).toEqual(newer.map((_, index) => 2 * index));
  });

  it("keeps a walk filtered by cause stable too", async () => {
    const first = await page(null, { causes: ["QUEUE_OVERFLOW"] });
    const { ids } = await walk({ causes: ["QUEUE_OVERFLOW"] });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, first.nodes.length)).toEqual(first.nodes.map((node) => node.id));
  });
});
