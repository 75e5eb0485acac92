// An SDK call beside a raw undici POST of the same document and variables, to the same gateway on the demo
// emulator, over the same kind of keep-alive pool, measured in alternating calls of one run. Prints ratios;
// never fails on speed.
import "reflect-metadata";
import { Pool } from "undici";
import { createFlowdoctorClient } from "../src/client.js";
import { FlowDocument, GatewayDocument } from "../src/generated/index.js";
import { startGatewayFixture } from "../src/testing/gateway-fixture.js";

const WARMUP_CALLS = 200;
const MEASURED_CALLS = Number(process.env.BENCH_CALLS ?? 1_000);

const env = await startGatewayFixture();
const alice = env.user("alice");
const flowId = env.emulator.scenario.flows[0]?.id ?? "";
const client = createFlowdoctorClient({
  url: env.gateway.graphqlUrl,
  email: alice.email,
  apiKey: alice.apiKey,
});
const url = new URL(env.gateway.graphqlUrl);
const pool = new Pool(url.origin, { connections: 16, keepAliveTimeout: 30_000 });
const authorization = `Basic ${Buffer.from(`${alice.email}:${alice.apiKey}`).toString("base64")}`;

/** What a team would write without the SDK: POST the JSON, read it, check for errors. */
const raw = async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
  const response = await pool.request({
    origin: url.origin,
    path: url.pathname,
    method: "POST",
    headers: { authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = JSON.parse(await response.body.text()) as { data?: unknown; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data;
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
const compare = async (name: string, viaSdk: () => Promise<unknown>, viaRaw: () => Promise<unknown>) => {
  for (let index = 0; index < WARMUP_CALLS; index++) await Promise.all([viaSdk(), viaRaw()]);
  const sdkTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let index = 0; index < MEASURED_CALLS; index++) {
    if (index % 2 === 0) {
      rawTimes.push(await timeCall(viaRaw));
      sdkTimes.push(await timeCall(viaSdk));
    } else {
      sdkTimes.push(await timeCall(viaSdk));
      rawTimes.push(await timeCall(viaRaw));
    }
  }
  const [sdkUs, rawUs] = [median(sdkTimes), median(rawTimes)];
  return { name, rawUs: rawUs.toFixed(0), sdkUs: sdkUs.toFixed(0), ratio: `${(sdkUs / rawUs).toFixed(2)}x` };
};

const results = [
  await compare(
    "gateway (no platform call)",
    () => client.gateway(),
    () => raw(GatewayDocument.toString(), {}),
  ),
  await compare(
    "flow with steps",
    () => client.flow({ id: flowId }),
    () => raw(FlowDocument.toString(), { id: flowId }),
  ),
];
console.log(`median of ${MEASURED_CALLS} alternating calls each, microseconds per call (target <= 1.10x)`);
console.table(results);

await client.close();
await pool.close();
await env.close();
