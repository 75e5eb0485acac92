// errorGroups through the gateway versus the same work done with direct platform-client calls: upstream requests
// per page for 10, 100 and 1,000 errors, and throughput and p50/p99 with an instant and a 20 ms upstream (memory is
// in gateway-memory.bench.ts), and the same gateway with OpenTelemetry tracing off and on (OTLP to a local sink).
// Prints figures beside their targets; it never fails on speed.
import "reflect-metadata";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { classifyError, groupErrors, LOG_LEVELS, redactSecrets } from "@flowdoctor/core";
import { createPlatformClient } from "@flowdoctor/platform-client";
import { createEmulator } from "@flowdoctor/platform-emulator";
import { context, propagation, trace } from "@opentelemetry/api";
import { loadConfig } from "../src/config/config.js";
import { startGateway } from "../src/http/start-gateway.js";
import { createLogger } from "../src/observability/logger.js";
import { startTracing } from "../src/observability/tracing.js";
import {
  createErrorScenario,
  ERROR_SCENARIO_USER,
  ERROR_SCENARIO_WORKSPACE,
} from "../src/testing/error-scenario.js";

const ERRORS = 1000;
// [upstream latency in ms, concurrent requests]. At 16 both sides are bound by this machine's two cores, so the
// ratio compares CPU per request; at 1 it shows the latency each request waits for; 4 is in between.
const LOADS = [
  [0, 16],
  [20, 1],
  [20, 4],
  [20, 16],
] as const;

const percentile = (values: number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
};

const describeLoad = (result: { perSecond: number; latencies: number[] }): string =>
  `${result.perSecond.toFixed(1)}/s  p50 ${percentile(result.latencies, 0.5).toFixed(1)} ms  p99 ${percentile(result.latencies, 0.99).toFixed(1)} ms`;

/** Runs `total` calls, `concurrency` at a time; answers calls per second and each call's latency. */
const load = async (run: () => Promise<unknown>, total: number, concurrency: number) => {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next += 1;
      const begun = performance.now();
      await run();
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { perSecond: (total * 1000) / (performance.now() - started), latencies };
};

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
const authorization = `Basic ${Buffer.from(`${ERROR_SCENARIO_USER.email}:${ERROR_SCENARIO_USER.apiKey}`).toString("base64")}`;
const query = `query G($ws: ID!, $filter: ErrorFilter) { errorGroups(workspaceId: $ws, filter: $filter, first: 100) {
  totalCount nodes { fingerprint count classification { cause } flow { name author { email } } step { name } } } }`;

const setUp = async (errors: number) => {
  const emulator = await createEmulator({ scenario: createErrorScenario(errors) });
  const gateway = await startGateway({
    config: loadConfig({
      PORT: "0",
      PLATFORM_API_URL: emulator.url,
      MAX_QUERY_COST: "1000000",
      MAX_COST_PER_MINUTE: "1000000000",
    }),
    logger: createLogger({ level: "silent", destination: silent }),
  });
  const client = createPlatformClient({
    baseUrl: emulator.url,
    ...ERROR_SCENARIO_USER,
    maxConnections: 16,
  });
  // `distinct` gives every request its own window start, so concurrent requests cannot share a scan.
  let sequence = 0;
  const viaGateway = async (distinct = false) => {
    sequence += 1;
    const filter = distinct ? { from: new Date(Date.UTC(2000, 0, 1) + sequence).toISOString() } : null;
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query, variables: { ws: ERROR_SCENARIO_WORKSPACE, filter } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  // The same answer without the gateway: the error logs, redacted and grouped, each group's latest entry
  // classified, each flow read once, then each flow's author once.
  const direct = async () => {
    const page = await client.listLogs({
      workspaceId: ERROR_SCENARIO_WORKSPACE,
      levels: [LOG_LEVELS.error, LOG_LEVELS.fatal],
      limit: 1000,
    });
    const entries = page.entries.map((entry) =>
      Object.assign({}, entry, { message: redactSecrets(entry.message) }),
    );
    const groups = groupErrors(entries);
    for (const group of groups.slice(0, 100)) classifyError({ message: group.sample.message });
    const flows = await Promise.all(
      [...new Set(groups.map((group) => group.flowId))].map((flowId) => client.getFlow(flowId)),
    );
    await Promise.all([...new Set(flows.map((flow) => flow.authorId))].map((id) => client.getUser(id)));
    return groups;
  };
  const close = async () => {
    await client.close();
    await gateway.close();
    await emulator.close();
  };
  return { emulator, viaGateway, direct, close };
};

console.log("upstream requests for one errorGroups page (100 groups with flow, author and step)");
for (const errors of [10, 100, 1000]) {
  const setup = await setUp(errors);
  await setup.viaGateway();
  setup.emulator.resetRequests();
  await setup.viaGateway();
  const calls = setup.emulator.requests.length;
  console.log(
    `  ${String(errors).padStart(5)} errors: ${calls} requests (target at most 4; the naive way costs 1 + 2N = ${1 + 2 * errors})`,
  );
  await setup.close();
}

const setup = await setUp(ERRORS);
for (const [latencyMs, concurrency] of LOADS) {
  setup.emulator.setFaults(latencyMs === 0 ? [] : [{ latencyMs }]);
  const requests = concurrency * 10;
  await load(setup.direct, concurrency, concurrency);
  await load(() => setup.viaGateway(true), concurrency, concurrency);
  const direct = await load(setup.direct, requests, concurrency);
  const target = latencyMs === 0 ? 0.5 : 0.95;
  console.log(
    `errorGroups over ${ERRORS} errors, upstream latency ${latencyMs} ms, ${concurrency} concurrent (target at least ${target}x)`,
  );
  console.log(`  direct client + core:             ${describeLoad(direct)}`);
  for (const distinct of [true, false]) {
    const gateway = await load(() => setup.viaGateway(distinct), requests, concurrency);
    const ratio = (gateway.perSecond / direct.perSecond).toFixed(2);
    const added = (share: number) =>
      (percentile(gateway.latencies, share) - percentile(direct.latencies, share)).toFixed(1);
    console.log(
      `  gateway, ${distinct ? "distinct requests " : "identical requests"}: ${describeLoad(gateway)}  ratio ${ratio}x, added p50 ${added(0.5)} ms, p99 ${added(0.99)} ms`,
    );
  }
}

setup.emulator.setFaults([]);

/** An OTLP/HTTP collector stand-in on loopback: accepts every export and counts what arrived. */
const startSpanSink = async () => {
  let exports = 0;
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
    });
    request.on("end", () => {
      exports += 1;
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, close, received: () => ({ exports, bytes }) };
};

/** Runs `work` with tracing on as `OTEL_TRACES_EXPORTER=otlp` configures it, then removes the global provider. */
const withTracing = async <TResult>(endpoint: string, work: () => Promise<TResult>): Promise<TResult> => {
  process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = endpoint;
  const { tracing } = loadConfig({ OTEL_TRACES_EXPORTER: "otlp", PORT: "0" });
  const started = startTracing(tracing);
  try {
    return await work();
  } finally {
    await started?.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  }
};

const sink = await startSpanSink();
const TRACING_ROUNDS = 3;
for (const [latencyMs, concurrency] of [
  [0, 16],
  [20, 4],
] as const) {
  setup.emulator.setFaults(latencyMs === 0 ? [] : [{ latencyMs }]);
  const requests = concurrency * 10;
  const run = () => load(() => setup.viaGateway(true), requests, concurrency);
  await run();
  // Off and on alternate, so drift in this shared machine's load falls on both sides alike.
  const off: Awaited<ReturnType<typeof run>>[] = [];
  const on: Awaited<ReturnType<typeof run>>[] = [];
  for (let round = 0; round < TRACING_ROUNDS; round += 1) {
    off.push(await run());
    on.push(await withTracing(sink.url, run));
  }
  const merged = (results: typeof off) => ({
    perSecond: results.reduce((sum, result) => sum + result.perSecond, 0) / results.length,
    latencies: results.flatMap((result) => result.latencies),
  });
  const [tracingOff, tracingOn] = [merged(off), merged(on)];
  console.log(
    `tracing cost: errorGroups over ${ERRORS} errors, upstream latency ${latencyMs} ms, ${concurrency} concurrent, ${TRACING_ROUNDS} rounds of ${requests} each way`,
  );
  console.log(`  tracing off (OTEL_TRACES_EXPORTER unset): ${describeLoad(tracingOff)}`);
  console.log(
    `  tracing on  (OTEL_TRACES_EXPORTER=otlp):  ${describeLoad(tracingOn)}  on/off throughput ${(tracingOn.perSecond / tracingOff.perSecond).toFixed(2)}x, p50 ${(percentile(tracingOn.latencies, 0.5) / percentile(tracingOff.latencies, 0.5)).toFixed(2)}x`,
  );
}
const { exports, bytes } = sink.received();
console.log(`  spans exported: ${exports} OTLP requests, ${(bytes / 1024).toFixed(0)} KB`);
await sink.close();
setup.emulator.setFaults([]);
await setup.close();
