import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { basic, type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";
import { dataOf } from "../testing/test-gateway.js";

describe("auth and access over the demo emulator", () => {
  let env: EmulatorGateway;
  beforeAll(async () => {
    env = await startEmulatorGateway();
  });
  afterAll(async () => {
    await env.close();
  });
  beforeEach(() => {
    env.emulator.resetRequests();
    env.emulator.setFaults([]);
  });

  it("answers me as the caller", async () => {
    const { body } = await env.gateway.query("{ me { email firstName } }", { headers: env.as("alice") });
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ me: { email: "alice@acme.example", firstName: "Alice" } });
  });

  it("says UNAUTHENTICATED without credentials, with bad ones, and with a non-Basic header", async () => {
    const cases = [
      {},
      { authorization: basic("alice@acme.example", "wrong-key") },
      { authorization: "Bearer abc" },
      { authorization: `Basic ${Buffer.from("no-colon").toString("base64")}` },
    ];
    for (const headers of cases) {
      const { body } = await env.gateway.query("{ me { email } }", { headers });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("keeps needing no credentials for the gateway's own facts", async () => {
    const { body } = await env.gateway.query("{ gateway { upstream demoUsers { email } } }");
    expect(body.data).toEqual({ gateway: { upstream: "PLATFORM", demoUsers: [] } });
  });

  it("checks credentials once per TTL (users/me), keyed by hash, never logging the key", async () => {
    const headers = env.as("carl");
    await env.gateway.query("{ me { id } }", { headers });
    await env.gateway.query("{ me { id } }", { headers });
    expect(env.upstreamCalls().filter((call) => call === "GET /v2/users/me")).toHaveLength(1);
    const carl = env.emulator.users.find((user) => user.email.startsWith("carl@"));
    expect(env.gateway.logText()).not.toContain(carl?.apiKey);
    expect(env.gateway.logText()).not.toContain(headers.authorization?.slice(6));
  });

  it("shows each user only their contracts", async () => {
    const query = "{ contracts { totalCount nodes { name status } } }";
    const alice = await env.gateway.query(query, { headers: env.as("alice") });
    const bob = await env.gateway.query(query, { headers: env.as("bob") });
    const names = (body: typeof alice.body) =>
      dataOf<{ nodes: { name: string }[] }>(body, "contracts")
        .nodes.map((node) => node.name)
        .sort();
    expect(names(alice.body)).toEqual(["Acme Retail GmbH", "Initech Payroll Services"]);
    expect(names(bob.body)).toEqual(["Globex Logistics"]);
  });

  it("gives null and NOT_FOUND or FORBIDDEN for another tenant's workspace", async () => {
    const bobs = await env.gateway.query("{ workspaces { nodes { id } } }", { headers: env.as("bob") });
    const id = dataOf<{ nodes: { id: string }[] }>(bobs.body, "workspaces").nodes[0]?.id;
    const { body } = await env.gateway.query("query W($id: ID!) { workspace(id: $id) { name } }", {
      headers: env.as("alice"),
      variables: { id },
    });
    expect(body.data).toEqual({ workspace: null });
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(body.errors?.[0]?.extensions?.code);
    expect(body.errors?.[0]?.path).toEqual(["workspace"]);
  });

  it("lets a guest read a workspace's flows but not its logs or errors", async () => {
    const list = await env.gateway.query("{ workspaces { nodes { id name } } }", { headers: env.as("gina") });
    const production = dataOf<{ nodes: { id: string; name: string }[] }>(list.body, "workspaces").nodes.find(
      (node) => node.name === "Acme Production",
    );
    const variables = { ws: production?.id };
    const flows = await env.gateway.query("query F($ws: ID!) { flows(workspaceId: $ws) { totalCount } }", {
      headers: env.as("gina"),
      variables,
    });
    expect(dataOf<{ totalCount: number }>(flows.body, "flows").totalCount).toBeGreaterThan(0);
    const errors = await env.gateway.query("query E($ws: ID!) { errors(workspaceId: $ws) { totalCount } }", {
      headers: env.as("gina"),
      variables,
    });
    expect(errors.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("says what was not found or may not be read, never the platform's REST path", async () => {
    const bobs = await env.gateway.query("{ workspaces { nodes { id flows(first: 1) { nodes { id } } } } }", {
      headers: env.as("bob"),
    });
    const workspace = dataOf<{ nodes: { id: string; flows: { nodes: { id: string }[] } }[] }>(
      bobs.body,
      "workspaces",
    ).nodes[0];
    const flowId = workspace?.flows.nodes[0]?.id;
    const foreign = await env.gateway.query("query F($id: ID!) { flow(id: $id) { name } }", {
      headers: env.as("alice"),
      variables: { id: flowId },
    });
    expect(foreign.body.errors?.[0]?.message).toBe(`Flow ${flowId} was not found or is not visible to you.`);
    const production = await env.gateway.query("{ workspaces { nodes { id } } }", {
      headers: env.as("gina"),
    });
    const ws = dataOf<{ nodes: { id: string }[] }>(production.body, "workspaces").nodes[0]?.id;
    const logs = await env.gateway.query("query L($ws: ID!) { logs(workspaceId: $ws) { totalCount } }", {
      headers: env.as("gina"),
      variables: { ws },
    });
    expect(logs.body.errors?.[0]?.message).toBe(
      `You may not read the logs of workspace ${ws}: the platform denies it.`,
    );
    const flows = await env.gateway.query(
      "query F($ws: ID!) { flows(workspaceId: $ws, first: 1) { nodes { id } } }",
      {
        headers: env.as("gina"),
        variables: { ws },
      },
    );
    const diagnosis = await env.gateway.query(
      "query D($id: ID!) { diagnoseFlow(flowId: $id) { checks { check status note } } }",
      {
        headers: env.as("gina"),
        variables: { id: dataOf<{ nodes: { id: string }[] }>(flows.body, "flows").nodes[0]?.id },
      },
    );
    const notes = JSON.stringify(diagnosis.body);
    expect(notes).toContain("You may not read the logs of workspace");
    expect(notes).not.toMatch(/\/v2\/|GET /);
  });

  it("nulls only the fields a foreign workspace or flow stands in, with their errors, and keeps the rest", async () => {
    const bobs = await env.gateway.query("{ workspaces { nodes { id flows(first: 1) { nodes { id } } } } }", {
      headers: env.as("bob"),
    });
    const workspace = dataOf<{ nodes: { id: string; flows: { nodes: { id: string }[] } }[] }>(
      bobs.body,
      "workspaces",
    ).nodes[0];
    const query = `query($ws: ID!, $flow: ID!) { me { email }
      flows(workspaceId: $ws) { totalCount } logs(workspaceId: $ws) { totalCount }
      logFile(workspaceId: $ws) { text } errors(workspaceId: $ws) { totalCount }
      errorGroups(workspaceId: $ws) { totalCount } diagnoseWorkspace(workspaceId: $ws) { totalCount }
      diagnoseFlow(flowId: $flow) { flowName } flow(id: $flow) { name } workspace(id: $ws) { name } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspace?.id, flow: workspace?.flows.nodes[0]?.id },
    });
    const { me, ...foreign } = body.data ?? {};
    expect(me).toEqual({ email: "alice@acme.example" });
    expect(Object.values(foreign)).toEqual(Array(Object.keys(foreign).length).fill(null));
    expect(Object.keys(foreign)).toHaveLength(9);
    const failed = (body.errors ?? []).map((error) => [error.path?.[0], error.extensions?.code]);
    expect(failed.map(([field]) => field).sort()).toEqual(Object.keys(foreign).sort());
    for (const [, code] of failed) expect(["NOT_FOUND", "FORBIDDEN"]).toContain(code);
  });

  it("links contracts and workspaces both ways", async () => {
    const query =
      "{ contracts { nodes { id name workspaces { totalCount nodes { name contractId contract { id } } } } } }";
    const { body } = await env.gateway.query(query, { headers: env.as("alice") });
    const contracts = dataOf<{
      nodes: {
        id: string;
        workspaces: { totalCount: number; nodes: { contractId: string; contract: { id: string } }[] };
      }[];
    }>(body, "contracts").nodes;
    expect(contracts.some((contract) => contract.workspaces.totalCount > 0)).toBe(true);
    for (const contract of contracts) {
      expect(contract.workspaces.nodes.length).toBe(contract.workspaces.totalCount);
      for (const workspace of contract.workspaces.nodes) {
        expect(workspace.contractId).toBe(contract.id);
        expect(workspace.contract.id).toBe(contract.id);
      }
    }
  });

  it("maps a platform outage to UPSTREAM_UNAVAILABLE and throttling to RATE_LIMITED", async () => {
    const headers = env.as("alice");
    await env.gateway.query("{ me { id } }", { headers });
    env.emulator.setFaults([{ path: "/v2/contracts*", status: 503 }]);
    const down = await env.gateway.query("{ contracts { totalCount } }", { headers });
    expect(down.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    env.emulator.setFaults([{ path: "/v2/contracts*", status: 429, retryAfterSeconds: 3600 }]);
    const slow = await env.gateway.query("{ contracts { totalCount } }", { headers });
    expect(slow.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(JSON.stringify(slow.body)).not.toMatch(/at .+\.(ts|js):\d+/);
  });

  it("says UPSTREAM_TIMEOUT when the platform answers later than UPSTREAM_TIMEOUT_MS", async () => {
    const impatient = await startEmulatorGateway({ UPSTREAM_TIMEOUT_MS: "200" });
    try {
      const headers = impatient.as("alice");
      await impatient.gateway.query("{ me { id } }", { headers });
      impatient.emulator.setFaults([{ path: "/v2/contracts*", latencyMs: 1500 }]);
      const { body } = await impatient.gateway.query("{ contracts { totalCount } }", { headers });
      expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_TIMEOUT");
    } finally {
      await impatient.close();
    }
  });

  it("counts platform calls and errors on /metrics by operation, ids replaced", async () => {
    const headers = env.as("alice");
    env.emulator.setFaults([{ path: "/v2/contracts*", status: 503 }]);
    await env.gateway.query("{ contracts { totalCount } }", { headers });
    env.emulator.setFaults([]);
    await env.gateway.query("{ contracts { totalCount } }", { headers });
    const text = await (await fetch(`${env.gateway.url}/metrics`)).text();
    expect(text).toMatch(
      /flowdoctor_upstream_requests_total\{operation="GET \/v2\/contracts",outcome="ok"\} \d/,
    );
    expect(text).toMatch(
      /flowdoctor_upstream_errors_total\{operation="GET \/v2\/contracts",code="PLATFORM_UNAVAILABLE"\} \d/,
    );
  });
});
