// rootCauses over a workspace of 100 flows and 50,000 log entries (10,000 of them errors): the gateway's time beyond
// its platform calls (the gateway's answer minus the same platform calls made directly with the client), and the
// platform requests for few and for many error groups. Prints figures beside their targets; never fails on speed.
import "reflect-metadata";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { LOG_LEVELS } from "@flowdoctor/core";
import { createPlatformClient } from "@flowdoctor/platform-client";
import { createEmulator, type ScenarioFile } from "@flowdoctor/platform-emulator";
import { loadConfig } from "../src/config/config.js";
import { startGateway } from "../src/http/start-gateway.js";
import { createLogger } from "../src/observability/logger.js";

const FLOWS = 100;
const ENTRIES = 50_000;
const ERRORS = 10_000;
const TARGET_MS = 1000;
const RUNS = 5;
const USER = { email: "ops@example.com", apiKey: "bench-key-0000" } as const;
const id = (prefix: string, n: number): string =>
  `${prefix}${n.toString(16).padStart(24 - prefix.length, "0")}`;
const sha = (n: number): string => n.toString(16).padStart(40, "0");
const WORKSPACE = id("bbbb", 1);

const KINDS = [
  (n: number) => `connect ECONNREFUSED 10.0.0.${n % 250}:443`,
  (n: number) => `Error: Code: 401 Message: Unauthorized Body: {"request":"${n}"}`,
  (n: number) =>
    `Error: Code: 422 Message: Unprocessable Entity Body: {"errors":{"field${n}":"is required"}}`,
  (n: number) => `TypeError: Cannot read properties of undefined (reading 'id${n}')`,
];

/** 100 flows on 10 credentials, 20 hosts and 3 component versions; `groupsPerFlow` distinct errors per failing flow. */
const scenario = (groupsPerFlow: number): ScenarioFile => {
  const flows = Array.from({ length: FLOWS }, (_, n) => ({
    id: id("cccc", n + 1),
    name: `Flow ${n + 1}`,
    workspaceId: WORKSPACE,
    userId: id("aaaa", 1),
    status: "active" as const,
    createdAt: "-30d",
    graph: {
      nodes: [
        {
          id: "step_1",
          component_id: id("dddd", 1),
          command: "elasticio/webhook:receive@latest",
          name: "Hook",
          fields: {},
        },
        {
          id: "step_2",
          component_id: id("dddd", 2),
          command: `elasticio/rest:httpRequestAction@${sha(1 + (n % 3))}`,
          name: "Call",
          fields: { url: `https://api${n % 20}.example.com/v1` },
          credentials_id: id("ffff", 1 + (n % 10)),
        },
      ],
      edges: [
        { id: "step_1:step_2", source: "step_1", target: "step_2", config: { mapper: { id: "$.id" } } },
      ],
    },
    versions: [
      { id: sha(1000 + n), createdAt: "-20d" },
      { id: sha(2000 + n), createdAt: "-1d" },
    ],
  }));
  const failing = flows.filter((_, n) => n % 2 === 0);
  const errors = Array.from({ length: ERRORS }, (_, n) => {
    const flow = failing[n % failing.length] as (typeof flows)[number];
    const kind = Math.floor(n / failing.length) % groupsPerFlow;
    return {
      flowId: flow.id,
      stepId: "step_2",
      at: `-${(n % 1400) + 1}m`,
      level: 50,
      message: `${(KINDS[kind % KINDS.length] as (n: number) => string)(kind)} [kind ${kind}]`,
      execution: `run-${n}`,
    };
  });
  const infos = Array.from({ length: ENTRIES - ERRORS }, (_, n) => ({
    flowId: (flows[n % FLOWS] as (typeof flows)[number]).id,
    stepId: n % 2 === 0 ? "step_1" : "step_2",
    at: `-${(n % 1400) + 1}m`,
    level: 30,
    message: "Received POST /hook (content-type application/json), replying 200",
    execution: `ok-${n}`,
  }));
  return {
    name: `rootcauses-${groupsPerFlow}`,
    users: [{ id: id("aaaa", 1), ...USER, firstName: "Ops", lastName: "Bench" }],
    contracts: [{ id: id("eeee", 1), name: "Bench", members: [{ userId: id("aaaa", 1), roles: ["owner"] }] }],
    workspaces: [
      {
        id: WORKSPACE,
        name: "Bench",
        contractId: id("eeee", 1),
        members: [{ userId: id("aaaa", 1), roles: ["owner"], permissions: ["workspaces.logs.read_all"] }],
      },
    ],
    components: [1, 2].map((n) => ({
      id: id("dddd", n),
      name: n === 1 ? "webhook" : "rest",
      title: n === 1 ? "Webhook" : "REST",
      teamName: "elasticio",
      versions: [1, 2, 3].map((v) => ({ id: sha(v), versionNumber: v, date: `-${40 - v}d` })),
    })),
    credentials: Array.from({ length: 10 }, (_, n) => ({
      id: id("ffff", n + 1),
      name: `Credential ${n + 1}`,
      workspaceId: WORKSPACE,
      componentId: id("dddd", 2),
      userId: id("aaaa", 1),
      keys: { auth: { type: "Basic Auth" } },
    })),
    flows,
    logs: [...errors, ...infos],
  };
};

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
const authorization = `Basic ${Buffer.from(`${USER.email}:${USER.apiKey}`).toString("base64")}`;
const query = `query R($ws: ID!) { rootCauses(workspaceId: $ws) { errorsRead truncated
  rootCauses { kind key fix { flows steps failedExecutions } flows { flowId steps { stepId change { status } } } } } }`;

const measure = async (groupsPerFlow: number) => {
  const emulator = await createEmulator({ scenario: scenario(groupsPerFlow) });
  const gateway = await startGateway({
    config: loadConfig({
      PORT: "0",
      PLATFORM_API_URL: emulator.url,
      MAX_LOG_SCAN: "10000",
      MAX_QUERY_COST: "1000000",
      MAX_COST_PER_MINUTE: "1000000000",
    }),
    logger: createLogger({ level: "silent", destination: silent }),
  });
  const client = createPlatformClient({ baseUrl: emulator.url, ...USER, maxConnections: 16 });
  const viaGateway = async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query, variables: { ws: WORKSPACE } }),
    });
    const body = (await response.json()) as {
      errors?: unknown;
      data?: { rootCauses: { rootCauses: unknown[]; errorsRead: number } };
    };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data?.rootCauses;
  };
  // The platform calls the answer needs, made directly: flows, the window's error entries, components,
  // credentials, and each failing flow's versions.
  const direct = async () => {
    const now = new Date().toISOString();
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const flows: string[] = [];
    for await (const flow of client.iterateFlows({ workspaceId: WORKSPACE })) flows.push(flow.id);
    const failing = new Set<string>();
    for (let offset = 0; ; ) {
      const page = await client.listLogs({
        workspaceId: WORKSPACE,
        from,
        to: now,
        levels: [LOG_LEVELS.error, LOG_LEVELS.fatal],
        offset,
        limit: 1000,
      });
      for (const entry of page.entries) failing.add(entry.flowId);
      if (!page.hasMore) break;
      offset += page.entries.length;
    }
    await Promise.all([
      client.listWorkspaceComponents(WORKSPACE),
      client.listCredentials({ workspaceId: WORKSPACE }),
      ...[...failing].map(async (flowId) => {
        for await (const _version of client.iterateFlowVersions(flowId)) void _version;
      }),
    ]);
  };
  const answer = await viaGateway();
  await direct();
  emulator.resetRequests();
  await viaGateway();
  const requests = emulator.requests.length;
  const gatewayMs: number[] = [];
  const directMs: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    await viaGateway();
    gatewayMs.push(performance.now() - started);
    started = performance.now();
    await direct();
    directMs.push(performance.now() - started);
  }
  await client.close();
  await gateway.close();
  await emulator.close();
  return { answer, requests, gatewayMs: median(gatewayMs), directMs: median(directMs) };
};

console.log(`rootCauses: ${FLOWS} flows, ${ENTRIES} log entries (${ERRORS} errors), median of ${RUNS}`);
for (const groupsPerFlow of [1, 40]) {
  const result = await measure(groupsPerFlow);
  const overhead = result.gatewayMs - result.directMs;
  console.log(
    `  ${String(groupsPerFlow * (FLOWS / 2)).padStart(5)} error groups: ${result.answer?.rootCauses.length} root causes, ${result.answer?.errorsRead} errors read, ${result.requests} platform requests; gateway ${result.gatewayMs.toFixed(0)} ms, its platform calls alone ${result.directMs.toFixed(0)} ms -> ${overhead.toFixed(0)} ms beyond them (target < ${TARGET_MS} ms, ${(overhead / TARGET_MS).toFixed(2)}x of it)`,
  );
}
