// What the limits cost and what they protect: a normal caller's errorGroups latency while quiet and while another
// caller sends alias storms (target: p99 at most 2× the quiet p99), and the guard's CPU per normal request beside the
// request's own time (target: at most 5 % of throughput). Prints figures beside their targets; never fails on speed.
import "reflect-metadata";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { createEmulator } from "@flowdoctor/platform-emulator";
import { buildSchema } from "graphql";
import { createFairness } from "../src/concurrency/fairness.js";
import { loadConfig } from "../src/config/config.js";
import { createOperationGuard } from "../src/graphql/operation-guard.js";
import { startGateway } from "../src/http/start-gateway.js";
import { createLogger } from "../src/observability/logger.js";

const QUIET_REQUESTS = 200;

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
};

const emulator = await createEmulator({ scenario: "demo" });
const [alice, bob] = ["alice@", "bob@"].map((prefix) =>
  emulator.users.find((user) => user.email.startsWith(prefix)),
);
if (!alice || !bob) throw new Error("the demo has no alice or bob");
const workspaceId = emulator.scenario.flows.find((flow) => flow.userId === alice.id)?.workspaceId ?? "";
const flowIds = emulator.scenario.flows.map((flow) => flow.id);
const basic = (user: { email: string; apiKey: string }) =>
  `Basic ${Buffer.from(`${user.email}:${user.apiKey}`).toString("base64")}`;

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
const config = loadConfig({
  PORT: "0",
  PLATFORM_API_URL: emulator.url,
  DATA_DIR: "memory://",
  LOG_LEVEL: "silent",
});
const gateway = await startGateway({
  config,
  logger: createLogger({ level: "silent", destination: silent }),
});

const normal = `query Inbox($ws: ID!) { errorGroups(workspaceId: $ws, first: 20) {
  totalCount nodes { fingerprint count lastSeen classification { cause level } flow { name } sample { message } } } }`;
const post = async (
  authorization: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
) => {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  await response.arrayBuffer();
  return response.status;
};

const normalLatencies = async (count: number) => {
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await post(basic(alice), normal, { ws: workspaceId });
    latencies.push(performance.now() - started);
  }
  return latencies;
};

// Storms, each refused or rate limited: 5,000 aliased diagnoses; the most diagnoses the limits let through; and
// 500 aliased introspections without a login.
const storms = [
  [
    basic(bob),
    `{ ${flowIds
      .flatMap((id) =>
        Array.from({ length: 50 }, (_, n) => `d${n}_${id}: diagnoseFlow(flowId: "${id}") { nextActions }`),
      )
      .slice(0, 5000)
      .join(" ")} }`,
  ],
  [
    basic(bob),
    `{ ${flowIds
      .slice(0, 30)
      .map((id, n) => `d${n}: diagnoseFlow(flowId: "${id}") { nextActions }`)
      .join(" ")} }`,
  ],
  [
    undefined,
    `{ ${Array.from({ length: 500 }, (_, n) => `s${n}: __schema { types { name fields { name } } }`).join(" ")} }`,
  ],
] as const;

await normalLatencies(20); // warm-up
const quiet = await normalLatencies(QUIET_REQUESTS);
let storming = true;
const statuses = new Map<number, number>();
const attacker = async () => {
  for (let index = 0; storming; index += 1) {
    const [authorization, query] = storms[index % storms.length] ?? storms[0];
    const status = await post(authorization, query);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
};
const attackers = Array.from({ length: 4 }, attacker);
const loud = await normalLatencies(QUIET_REQUESTS);
storming = false;
await Promise.all(attackers);

const p99Quiet = percentile(quiet, 0.99);
const p99Loud = percentile(loud, 0.99);
console.log(
  "normal errorGroups (first: 20) as one caller, sequential, while another caller storms (4 at once):",
);
console.log(`  quiet      p50 ${percentile(quiet, 0.5).toFixed(1)} ms  p99 ${p99Quiet.toFixed(1)} ms`);
console.log(`  storming   p50 ${percentile(loud, 0.5).toFixed(1)} ms  p99 ${p99Loud.toFixed(1)} ms`);
console.log(
  `  p99 ratio  ${(p99Loud / p99Quiet).toFixed(2)}×  (target ≤ 2×); storm answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`,
);

// The guard's own CPU on the normal query, beside a whole normal request's time.
const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
const guard = createOperationGuard({
  schema,
  limits: config.limits,
  fairness: createFairness({ maxConcurrentPerCaller: 1, maxCostPerMinute: Number.MAX_SAFE_INTEGER }),
});
const GUARD_RUNS = 5_000;
for (let index = 0; index < 500; index += 1)
  guard({ query: normal, variables: { ws: workspaceId } }, "bench");
const guardStarted = performance.now();
for (let index = 0; index < GUARD_RUNS; index += 1)
  guard({ query: normal, variables: { ws: workspaceId } }, "bench");
const guardMs = (performance.now() - guardStarted) / GUARD_RUNS;
const requestMs = quiet.reduce((sum, value) => sum + value, 0) / quiet.length;
console.log("limits on a normal request:");
console.log(`  guard ${(guardMs * 1000).toFixed(0)} µs per request  vs  request ${requestMs.toFixed(2)} ms`);
console.log(
  `  share  ${((guardMs / requestMs) * 100).toFixed(2)} % of a request's time, so of throughput  (target ≤ 5 %)`,
);

await gateway.close();
await emulator.close();
