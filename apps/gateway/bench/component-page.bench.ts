// A page of error groups that also asks for each step's component, over ten components: upstream requests per page
// (cold and with the component cache warm), and throughput through the gateway beside the same platform calls made
// directly with platform-client. Prints figures beside their targets; it never fails on speed.
import "reflect-metadata";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { classifyError, groupErrors, LOG_LEVELS, redactSecrets } from "@flowdoctor/core";
import { createPlatformClient } from "@flowdoctor/platform-client";
import { createEmulator } from "@flowdoctor/platform-emulator";
import { loadConfig } from "../src/config/config.js";
import { startGateway } from "../src/http/start-gateway.js";
import { createLogger } from "../src/observability/logger.js";
import {
  createErrorScenario,
  ERROR_SCENARIO_USER,
  ERROR_SCENARIO_WORKSPACE,
} from "../src/testing/error-scenario.js";

const CONCURRENCY = 8;
const REQUESTS = 200;
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
const authorization = `Basic ${Buffer.from(`${ERROR_SCENARIO_USER.email}:${ERROR_SCENARIO_USER.apiKey}`).toString("base64")}`;
const query = `query G($ws: ID!) { errorGroups(workspaceId: $ws, first: 50) {
  nodes { count classification { cause } flow { name author { email } } step { name component { name } } } } }`;

const emulator = await createEmulator({ scenario: createErrorScenario(200, { components: 10 }) });
const gateway = await startGateway({
  config: loadConfig({
    PORT: "0",
    PLATFORM_API_URL: emulator.url,
    MAX_QUERY_COST: "1000000",
    MAX_COST_PER_MINUTE: "1000000000",
  }),
  logger: createLogger({ level: "silent", destination: silent }),
});
const client = createPlatformClient({ baseUrl: emulator.url, ...ERROR_SCENARIO_USER, maxConnections: 16 });

const viaGateway = async () => {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({ query, variables: { ws: ERROR_SCENARIO_WORKSPACE } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
};

// The same answer without the gateway: logs grouped and classified, the workspace's flows, their author, and the
// components the workspace may use, each read once.
const direct = async () => {
  const page = await client.listLogs({
    workspaceId: ERROR_SCENARIO_WORKSPACE,
    levels: [LOG_LEVELS.error, LOG_LEVELS.fatal],
    limit: 1000,
  });
  const groups = groupErrors(
    page.entries.map((entry) => Object.assign({}, entry, { message: redactSecrets(entry.message) })),
  );
  for (const group of groups.slice(0, 50)) classifyError({ message: group.sample.message });
  const flows = [];
  for await (const flow of client.iterateFlows({ workspaceId: ERROR_SCENARIO_WORKSPACE })) flows.push(flow);
  const authors = [...new Set(flows.map((flow) => flow.authorId))];
  await Promise.all([
    ...authors.map((id) => client.getUser(id)),
    client.listWorkspaceComponents(ERROR_SCENARIO_WORKSPACE),
  ]);
};

const perSecond = async (run: () => Promise<void>): Promise<number> => {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next += 1;
      await run();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return (REQUESTS * 1000) / (performance.now() - started);
};

await viaGateway();
emulator.resetRequests();
await viaGateway();
const warmCalls = emulator.requests.length;
console.log(
  `upstream requests for one errorGroups page over 10 components: ${warmCalls} with the component cache warm (target at most 5; 14 before the cache)`,
);
await perSecond(direct);
const directRate = await perSecond(direct);
const gatewayRate = await perSecond(viaGateway);
console.log(`errorGroups with step components, ${CONCURRENCY} concurrent (target at least 0.6x)`);
console.log(`  direct client + core: ${directRate.toFixed(1)}/s`);
console.log(
  `  gateway:              ${gatewayRate.toFixed(1)}/s  ratio ${(gatewayRate / directRate).toFixed(2)}x`,
);

await client.close();
await gateway.close();
await emulator.close();
