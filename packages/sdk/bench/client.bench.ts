// An SDK call beside a raw `fetch` POST of the same document and variables, to the same gateway on the demo
// emulator, both through the runtime's global fetch (and so its keep-alive pool), measured in alternating calls of
// one run. Prints ratios; never fails on speed.
import "reflect-metadata";
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
const url = env.gateway.graphqlUrl;
const authorization = `Basic ${Buffer.from(`${alice.email}:${alice.apiKey}`).toString("base64")}`;

/** What a team would write without the SDK: POST the JSON, read it, check for errors. */
const raw = async (query: string, variables: Record<string, unknown>): Promise<unknown> => {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
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

// Calls alternate one by one and each pair gives a ratio, so the changing load of a shared machine hits both
// sides of a pair alike; medians drop the outliers.
const compare = async (name: string, viaSdk: () => Promise<unknown>, viaRaw: () => Promise<unknown>) => {
  for (let index = 0; index < WARMUP_CALLS; index++) await Promise.all([viaSdk(), viaRaw()]);
  const sdkTimes: number[] = [];
  const rawTimes: number[] = [];
  const ratios: number[] = [];
  for (let index = 0; index < MEASURED_CALLS; index++) {
    const rawFirst = index % 2 === 0;
    const first = await timeCall(rawFirst ? viaRaw : viaSdk);
    const second = await timeCall(rawFirst ? viaSdk : viaRaw);
    const [rawUs, sdkUs] = rawFirst ? [first, second] : [second, first];
    rawTimes.push(rawUs);
    sdkTimes.push(sdkUs);
    ratios.push(sdkUs / rawUs);
  }
  return {
    name,
    rawUs: Math.round(median(rawTimes)),
    sdkUs: Math.round(median(sdkTimes)),
    ratio: median(ratios),
  };
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
console.log(
  `${MEASURED_CALLS} alternating pairs of calls: median microseconds per call, median ratio of a pair`,
);
console.table(results.map((result) => ({ ...result, ratio: `${result.ratio.toFixed(2)}x` })));
const worst = Math.max(...results.map((result) => result.ratio));
console.log(`SDK / raw fetch POST: ${worst.toFixed(2)}x at worst (target <= 1.10x)`);

await client.close();
await env.close();
