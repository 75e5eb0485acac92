// Requests per second from one keep-alive undici pool: the emulator's list endpoints beside a bare node:http
// server answering a fixed JSON body, measured in the same run. Prints figures and ratios; never fails on speed.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";
import { createEmulator } from "../src/index.js";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 2_000);
const IN_FLIGHT = 16;

const measure = async (origin: string, path: string, headers: Record<string, string>): Promise<number> => {
  const pool = new Pool(origin, { connections: 4, pipelining: 1 });
  let done = 0;
  const deadline = performance.now() + DURATION_MS;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const response = await pool.request({ path, method: "GET", headers });
      await response.body.arrayBuffer();
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
      done += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return done / seconds;
};

const SMALL_BODY = JSON.stringify({
  data: [{ id: "5f0000000000000000000001", type: "flow", attributes: { name: "x" } }],
  meta: {},
});

/** A bare node:http server answering one fixed body to every request. */
const startBaseline = async (body: string) => {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

const baselineStart = performance.now();
const baseline = await startBaseline(SMALL_BODY);
const baselineStartMs = performance.now() - baselineStart;
const emulatorStart = performance.now();
const emulator = await createEmulator();
const emulatorStartMs = performance.now() - emulatorStart;
console.log(
  `start-up: emulator with the demo ${emulatorStartMs.toFixed(0)} ms, bare node:http ${baselineStartMs.toFixed(1)} ms`,
);
const alice = emulator.users[0];
if (!alice) throw new Error("the demo has no users");
const workspace = emulator.scenario.workspaces[0]?.id ?? "";
const headers = {
  authorization: `Basic ${Buffer.from(`${alice.email}:${alice.apiKey}`).toString("base64")}`,
};

// The same bytes as the emulator's flows page, served fixed: what moving that much JSON costs without the emulator.
const flowsPath = `/v2/flows?workspace_id=${workspace}&page[size]=50`;
const flowsPage = await (await fetch(`${emulator.url}${flowsPath}`, { headers })).text();
const sameSize = await startBaseline(flowsPage);

const cases: [string, string, string, Record<string, string>][] = [
  ["baseline node:http fixed JSON", baseline.origin, "/", {}],
  [`node:http fixed ${Math.round(flowsPage.length / 1024)} KB (flows page)`, sameSize.origin, "/", {}],
  ["GET /v2/flows (page of 50)", emulator.url, flowsPath, headers],
  ["GET /v2/logs (limit 100)", emulator.url, `/v2/logs?workspace_id=${workspace}&limit=100`, headers],
  [
    "GET /v2/logs (errors, search)",
    emulator.url,
    `/v2/logs?workspace_id=${workspace}&levels[]=50&levels[]=60&search=timeout`,
    headers,
  ],
];

const results: { name: string; rps: number }[] = [];
for (const [name, origin, path, caseHeaders] of cases) {
  results.push({ name, rps: await measure(origin, path, caseHeaders) });
}
const base = results[0]?.rps ?? 1;
console.log(`${"case".padEnd(40)} ${"req/s".padStart(9)}  ratio to baseline`);
for (const { name, rps } of results) {
  console.log(`${name.padEnd(40)} ${rps.toFixed(0).padStart(9)}  ${(rps / base).toFixed(2)}x`);
}
emulator.resetRequests();
await emulator.close();
for (const { server } of [baseline, sameSize])
  await new Promise<void>((resolve) => server.close(() => resolve()));
