// The client's time per call beside a raw `undici.request` + `JSON.parse` of the same endpoint, same emulator,
// same kind of pool, measured in alternating rounds of one run. Prints ratios; never fails on speed.
import { createEmulator } from "@flowdoctor/platform-emulator";
import { Pool } from "undici";
import { createPlatformClient } from "../src/client.js";
import { ADMIN, FLOW_ID, testScenario, WORKSPACE_ID } from "../src/testing/test-scenario.js";

const ROUNDS = 11;
const CALLS_PER_ROUND = 200;

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

const timeRound = async (call: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  for (let index = 0; index < CALLS_PER_ROUND; index++) await call();
  return ((performance.now() - started) * 1000) / CALLS_PER_ROUND;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const compare = async (name: string, viaClient: () => Promise<unknown>, viaRaw: () => Promise<unknown>) => {
  await timeRound(viaClient);
  await timeRound(viaRaw);
  const clientTimes: number[] = [];
  const rawTimes: number[] = [];
  // Alternate which side goes first, so drift in a shared machine's load hits both alike.
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) rawTimes.push(await timeRound(viaRaw));
    clientTimes.push(await timeRound(viaClient));
    if (round % 2 === 1) rawTimes.push(await timeRound(viaRaw));
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
console.log(
  `median of ${ROUNDS} rounds x ${CALLS_PER_ROUND} sequential calls, microseconds per call (target <= 1.15x)`,
);
console.table(results);

await client.close();
await pool.close();
await emulator.close();
