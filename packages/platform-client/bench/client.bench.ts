// The client's time per call beside a raw `undici.request` + `JSON.parse` of the same endpoint, same emulator,
// same kind of pool, measured in alternating rounds of one run. Prints ratios; never fails on speed.
import { createEmulator } from "@flowdoctor/platform-emulator";
import { Pool } from "undici";
import { createPlatformClient } from "../src/client.js";
import { ADMIN, FLOW_ID, testScenario, WORKSPACE_ID } from "../src/testing/test-scenario.js";

const WARMUP_CALLS = 300;
const MEASURED_CALLS = 2_000;

const emulator = await createEmulator({ scenario: testScenario(), port: 0, host: "127.0.0.1" });
const client = createPlatformClient({ baseUrl: emulator.url, email: ADMIN.email, apiKey: ADMIN.apiKey });
const pool = new Pool(emulator.url, { connections: 10 });
const authorization = `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.apiKey}`).toString("base64")}`;

const raw = async (path: string): Promise<unknown> => {
  const response = await pool.request({
    path,
    method: "GET",
    headers: { authorization, accept: "application/json" },
  });
  return JSON.parse(await response.body.text());
};

const timeCall = async (call: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await call();
  return (performance.now() - started) * 1000;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

// Calls alternate one by one, so the load of a shared machine hits both sides alike; medians drop the outliers.
const compare = async (name: string, viaClient: () => Promise<unknown>, viaRaw: () => Promise<unknown>) => {
  for (let index = 0; index < WARMUP_CALLS; index++) await Promise.all([viaClient(), viaRaw()]);
  const clientTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let index = 0; index < MEASURED_CALLS; index++) {
    rawTimes.push(await timeCall(viaRaw));
    clientTimes.push(await timeCall(viaClient));
  }
  const [clientUs, rawUs] = [median(clientTimes), median(rawTimes)];
  return {
    name,
    rawUs: rawUs.toFixed(0),
    clientUs: clientUs.toFixed(0),
    ratio: `${(clientUs / rawUs).toFixed(2)}x`,
  };
};

const pagePath = `/v2/flows?workspace_id=${WORKSPACE_ID}&page[number]=1&page[size]=100`;
const results = [
  await compare(
    "GET one flow",
    () => client.getFlow(FLOW_ID),
    () => raw(`/v2/flows/${FLOW_ID}`),
  ),
  await compare(
    "GET a page of 100 flows",
    () => client.listFlows({ workspaceId: WORKSPACE_ID, pageNumber: 1, pageSize: 100 }),
    () => raw(pagePath),
  ),
];
console.log(`median of ${MEASURED_CALLS} alternating calls each, microseconds per call (target <= 1.15x)`);
console.table(results);

await client.close();
await pool.close();
await emulator.close();
