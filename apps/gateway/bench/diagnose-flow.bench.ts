// diagnoseFlow for a 20-step flow with 10,000 log entries in the window: the gateway's time beyond the upstream
// calls it needs, measured side by side with the same calls made directly with the platform client.
import "reflect-metadata";
import { createPlatformClient } from "@flowdoctor/platform-client";
import { createEmulator, type ScenarioFile } from "@flowdoctor/platform-emulator";
import { loadConfig } from "../src/config/config.js";
import { startGateway } from "../src/http/start-gateway.js";
import { createLogger } from "../src/observability/logger.js";

const STEPS = 20;
const LOGS = 10_000;
const RUNS = 15;
const id = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(24 - prefix.length, "0")}`;
const user = {
  id: id("5f", 1),
  email: "bench@flowdoctor.example",
  apiKey: "bench-key",
  firstName: "Bench",
  lastName: "User",
};
const steps = Array.from({ length: STEPS }, (_, index) => `step_${index + 1}`);

const scenario: ScenarioFile = {
  name: "bench",
  users: [user],
  contracts: [{ id: id("c", 1), name: "Bench", members: [{ userId: user.id, roles: ["owner"] }] }],
  workspaces: [
    {
      id: id("a", 1),
      name: "Bench",
      contractId: id("c", 1),
      type: "full",
      members: [{ userId: user.id, roles: ["owner"] }],
    },
  ],
  components: [
    {
      id: id("b", 1),
      name: "rest",
      title: "REST",
      teamName: "bench",
      versions: [{ id: "1".repeat(40), versionNumber: 1, date: "-10d" }],
    },
  ],
  flows: [
    {
      id: id("f", 1),
      name: "Twenty steps",
      workspaceId: id("a", 1),
      userId: user.id,
      status: "active",
      createdAt: "-30d",
      graph: {
        nodes: steps.map((stepId) => ({
          id: stepId,
          component_id: id("b", 1),
          command: "bench/rest:run@latest",
          name: stepId,
        })),
        edges: steps.slice(1).map((stepId, index) => ({
          source: steps[index],
          target: stepId,
          config: { mapper: { value: "body.value" } },
        })),
      },
      queueStats: steps.map((stepId) => ({ stepId, total: 3, ready: 3, unacked: 0, rebounds: 0 })),
    },
  ],
  logs: Array.from({ length: LOGS }, (_, index) => {
    const execution = Math.floor(index / STEPS);
    const failing = execution % 7 === 0 && index % STEPS === 12;
    return {
      flowId: id("f", 1),
      stepId: steps[index % STEPS] as string,
      at: `-${Math.floor((LOGS - index) / 2)}s`,
      level: failing ? 50 : 30,
      message: failing
        ? `Error: Code: 503 Message: Service Unavailable Body: {"request":"${execution}"}`
        : `processed record ${index}`,
      execution: `e${execution}`,
    };
  }),
} as unknown as ScenarioFile;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const emulator = await createEmulator({ scenario });
const gateway = await startGateway({
  config: loadConfig({ PORT: "0", PLATFORM_API_URL: emulator.url, LOG_LEVEL: "error" }),
  logger: createLogger({ level: "error" }),
});
const authorization = `Basic ${Buffer.from(`${user.email}:${user.apiKey}`).toString("base64")}`;
const since = new Date(Date.now() - 86_400_000).toISOString();
const query = `query($id: ID!, $since: DateTimeISO) { diagnoseFlow(flowId: $id, since: $since) { verdict { cause stepId } findings { status } walkthrough { steps { state } } } }`;

const viaGateway = async () => {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({ query, variables: { id: id("f", 1), since } }),
  });
  return response.json();
};

const client = createPlatformClient({
  baseUrl: emulator.url,
  email: user.email,
  apiKey: user.apiKey,
  pageSize: 1000,
});
const directly = async () => {
  const flow = await client.getFlow(id("f", 1));
  const workspace = client.getWorkspace(flow.workspaceId);
  const logs = (async () => {
    const entries = [];
    for await (const entry of client.iterateLogs({
      workspaceId: flow.workspaceId,
      flowIds: [flow.id],
      from: since,
      to: new Date().toISOString(),
    }))
      entries.push(entry);
    return entries;
  })();
  await Promise.all([
    client.me(),
    workspace.then((found) => client.getContract(found.contractId)),
    logs,
    client.getQueueStats(flow.id),
  ]);
};

const time = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

for (let warm = 0; warm < 3; warm += 1) {
  await viaGateway();
  await directly();
}
const gatewayTimes: number[] = [];
const directTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  directTimes.push(await time(directly));
  gatewayTimes.push(await time(viaGateway));
}
emulator.resetRequests();
const answer = (await viaGateway()) as { data?: { diagnoseFlow?: { verdict: unknown } } };
const upstream = emulator.requests.length;

const gatewayMs = median(gatewayTimes);
const directMs = median(directTimes);
console.log(`diagnoseFlow, ${STEPS} steps, ${LOGS} log entries in the window, median of ${RUNS} runs`);
console.log(
  `  via the gateway:               ${gatewayMs.toFixed(1)} ms (${upstream} upstream requests; verdict ${JSON.stringify(answer.data?.diagnoseFlow?.verdict)})`,
);
console.log(`  the same calls, client direct: ${directMs.toFixed(1)} ms`);
console.log(
  `  gateway time beyond the calls: ${(gatewayMs - directMs).toFixed(1)} ms (target at most 100 ms), ratio ${(gatewayMs / directMs).toFixed(2)}x`,
);

await gateway.close();
await emulator.close();
await client.close();
