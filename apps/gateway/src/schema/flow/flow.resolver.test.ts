import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

interface FlowNode {
  id: string;
  name: string;
  status: string;
  author: { id: string } | null;
  steps: {
    id: string;
    stepId: string;
    position: number;
    isTrigger: boolean;
    componentId: string;
    credentialId: string | null;
    previousStepId: string | null;
    component: { id: string } | null;
    credential: { id: string } | null;
  }[];
}
interface FlowPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: FlowNode[];
}

const FLOWS = `query Flows($ws: ID!, $first: Int, $after: String, $filter: FlowFilter) {
  flows(workspaceId: $ws, first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name status }
  }
}`;

describe("flows over the demo emulator", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  const alice = () => env.as("alice");
  const flowsPage = async (variables: Record<string, unknown>, query = FLOWS) => {
    const { body } = await env.gateway.query(query, {
      headers: alice(),
      variables: { ws: workspaceId, ...variables },
    });
    return { page: body.data?.flows as FlowPage, errors: body.errors };
  };

  beforeAll(async () => {
    // Per-request behaviour is measured here; component-cost.test.ts covers the cache across requests.
    env = await startEmulatorGateway({ COMPONENT_CACHE_TTL_MS: "0" });
    const { body } = await env.gateway.query("{ workspaces { nodes { id name } } }", {
      headers: env.as("alice"),
    });
    const nodes = dataOf<{ nodes: { id: string; name: string }[] }>(body, "workspaces").nodes;
    workspaceId = nodes.find((node) => node.name === "Acme Production")?.id as string;
  });
  afterAll(async () => {
    await env.close();
  });
  beforeEach(() => {
    env.emulator.resetRequests();
    env.emulator.setFaults([]);
  });

  it("pages with first/after without skipping or repeating a flow", async () => {
    const { page: whole } = await flowsPage({ first: 100 });
    expect(whole.totalCount).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (let round = 0; round < 50; round += 1) {
      const { page } = await flowsPage({ first: 3, after });
      seen.push(...page.nodes.map((node) => node.id));
      expect(page.totalCount).toBe(whole.totalCount);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.nodes.map((node) => node.id));
  });

  it("pages correctly when first changes between pages (windows that straddle platform pages)", async () => {
    const { page: whole } = await flowsPage({ first: 100 });
    const first = await flowsPage({ first: 2 });
    const second = await flowsPage({ first: 3, after: first.page.pageInfo.endCursor });
    expect(second.page.nodes.map((node) => node.id)).toEqual(whole.nodes.slice(2, 5).map((node) => node.id));
  });

  it("lets the platform filter by status and search", async () => {
    const { page: active } = await flowsPage({ first: 100, filter: { status: "ACTIVE" } });
    expect(active.nodes.length).toBeGreaterThan(0);
    expect(active.nodes.every((node) => node.status === "ACTIVE")).toBe(true);
    const { page: searched } = await flowsPage({ first: 100, filter: { search: "shopify" } });
    expect(searched.nodes.map((node) => node.name)).toContain("Shopify orders to Salesforce");
  });

  it("refuses a page larger than MAX_PAGE_SIZE and a cursor it never gave out", async () => {
    const big = await flowsPage({ first: 101 });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
    expect(big.errors?.[0]?.message).toContain("first must be an integer from 1 to 100 (got 101)");
    const bad = await flowsPage({ first: 2, after: "bm90LWEtY3Vyc29y" });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });

  it("gives each flow its steps in execution order with component, credential and author", async () => {
    const query = `query F($ws: ID!) { flows(workspaceId: $ws, first: 20) { nodes { id author { id }
      steps { id stepId position isTrigger componentId credentialId previousStepId component { id } credential { id } } } } }`;
    const { page, errors } = await flowsPage({}, query);
    expect(errors).toBeUndefined();
    for (const flow of page.nodes) {
      expect(flow.author?.id).toMatch(/^[0-9a-f]{24}$/);
      flow.steps.forEach((step, index) => {
        expect(step.position).toBe(index);
        expect(step.isTrigger).toBe(index === 0);
        expect(step.component?.id).toBe(step.componentId);
        expect(step.credential?.id ?? null).toBe(step.credentialId);
        expect(step.id).toBe(`${flow.id}:${step.stepId}`);
        if (index > 0) expect(flow.steps.slice(0, index).map((s) => s.stepId)).toContain(step.previousStepId);
      });
    }
  });

  it("fetches each author and credential once per request and the workspace's components in one listing", async () => {
    const query = `query F($ws: ID!) { flows(workspaceId: $ws, first: 20) { nodes { author { id }
      steps { componentId credentialId component { id } credential { id } } } } }`;
    const { page } = await flowsPage({}, query);
    const calls = env.upstreamCalls();
    const countOf = (prefix: string) => calls.filter((call) => call.startsWith(prefix)).length;
    const steps = page.nodes.flatMap((flow) => flow.steps);
    const components = new Set(steps.map((step) => step.componentId));
    const credentials = new Set(steps.flatMap((step) => (step.credentialId ? [step.credentialId] : [])));
    const authors = new Set(page.nodes.map((flow) => flow.author?.id));
    expect(countOf(`GET /v2/workspace/${workspaceId}/components`)).toBe(1);
    expect(countOf("GET /v2/components/")).toBe(0);
    expect(countOf("GET /v2/credentials/")).toBe(credentials.size);
    expect(countOf("GET /v2/users/") - countOf("GET /v2/users/me")).toBe(authors.size);
    expect(steps.length).toBeGreaterThan(components.size);
  });

  it("returns partial data when one upstream part fails: the flows, with components null and an error each", async () => {
    env.emulator.setFaults([
      { path: "/v2/components*", status: 503 },
      { path: `/v2/workspace/${workspaceId}/components`, status: 503 },
    ]);
    const query = `query F($ws: ID!) { flows(workspaceId: $ws, first: 3) { nodes { name steps { name component { id } } } } }`;
    const { body } = await env.gateway.query(query, { headers: alice(), variables: { ws: workspaceId } });
    const nodes = dataOf<{ nodes: { name: string; steps: { component: unknown }[] }[] }>(body, "flows").nodes;
    expect(nodes).toHaveLength(3);
    expect(nodes.every((flow) => flow.steps.every((step) => step.component === null))).toBe(true);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.every((error) => error.extensions?.code === "UPSTREAM_UNAVAILABLE")).toBe(true);
    expect(body.errors?.[0]?.path).toEqual(["flows", "nodes", 0, "steps", 0, "component"]);
  });

  it("gives one flow by id with its state, queue per step and mapper", async () => {
    const { page } = await flowsPage({ first: 1 });
    const id = page.nodes[0]?.id;
    const query = `query One($id: ID!) { flow(id: $id) { id status currentStatus workspace { id }
      steps { id mapper config { prefetch } queue { total rebounds } } } }`;
    const { body } = await env.gateway.query(query, { headers: alice(), variables: { id } });
    expect(body.errors).toBeUndefined();
    const flow = body.data?.flow as { id: string; workspace: { id: string }; steps: { mapper: unknown }[] };
    expect(flow.id).toBe(id);
    expect(flow.workspace.id).toBe(workspaceId);
    expect(flow.steps.slice(1).some((step) => step.mapper !== null)).toBe(true);
    expect(env.upstreamCalls().filter((call) => call.startsWith("GET /v2/stats/queues/"))).toHaveLength(1);
  });
});
