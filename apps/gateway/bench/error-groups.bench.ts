// errorGroups through the gateway versus the same work done with direct platform-client calls, on an
// emulator holding 1,000 error entries. Prints medians and their ratio; it never fails on speed.
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

const ERRORS = 1000;
const ROUNDS = 15;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const time = async (run: () => Promise<unknown>): Promise<number> => {
  await run();
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return median(samples);
};

const emulator = await createEmulator({ scenario: createErrorScenario(ERRORS) });
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
const gateway = await startGateway({
  config: loadConfig({ PORT: "0", PLATFORM_API_URL: emulator.url }),
  logger: createLogger({ level: "silent", destination: silent }),
});
const authorization = `Basic ${Buffer.from(`${ERROR_SCENARIO_USER.email}:${ERROR_SCENARIO_USER.apiKey}`).toString("base64")}`;
const query = `query G($ws: ID!) { errorGroups(workspaceId: $ws, first: 100) {
  totalCount nodes { fingerprint count classification { cause } } } }`;

const viaGateway = async () => {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({ query, variables: { ws: ERROR_SCENARIO_WORKSPACE } }),
  });
  return response.json();
};

const client = createPlatformClient({ baseUrl: emulator.url, ...ERROR_SCENARIO_USER });
const direct = async () => {
  const page = await client.listLogs({
    workspaceId: ERROR_SCENARIO_WORKSPACE,
    levels: [LOG_LEVELS.error, LOG_LEVELS.fatal],
    limit: 1000,
  });
  const entries = page.entries.map((entry) => ({ ...entry, message: redactSecrets(entry.message) }));
  for (const entry of entries) classifyError({ message: entry.message });
  return groupErrors(entries);
};

emulator.resetRequests();
await viaGateway();
const gatewayCalls = emulator.requests.length;
const baseline = await time(direct);
const measured = await time(viaGateway);
console.log(`errorGroups over ${ERRORS} error entries, median of ${ROUNDS} runs`);
console.log(`  direct client calls + core (baseline): ${baseline.toFixed(1)} ms`);
console.log(
  `  gateway errorGroups over HTTP:         ${measured.toFixed(1)} ms  (${(measured / baseline).toFixed(2)}x baseline)`,
);
console.log(`  platform calls per gateway request:    ${gatewayCalls}`);

await client.close();
await gateway.close();
await emulator.close();
