// Fingerprints and groups 100,000 generated error log lines and prints the time beside two baselines from the
// same run: counting lines in a Map by their raw text, and one RegExp.test per line. Never fails on speed.
import { performance } from "node:perf_hooks";
import { fingerprintError, type GroupableLogEntry, groupErrors } from "../src/grouping/index.js";

const LINES = 100_000;
const TARGET_MS = 1000;
const RUNS = 5;

// mulberry32: a seeded generator, so every run measures the same lines.
const createRandom = (seed: number) => {
  let state = seed;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const random = createRandom(42);
const int = (max: number): number => Math.floor(random() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const hex = (length: number): string => Array.from({ length }, () => "0123456789abcdef"[int(16)]).join("");
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const ip = (): string => `10.${int(255)}.${int(255)}.${int(255)}`;
const host = (): string =>
  `${pick(["api", "crm", "erp", "shop"])}${int(50)}.${pick(["acme.com", "example.io"])}`;
const iso = (): string => new Date(Date.UTC(2026, 10, 11) + int(14 * 86_400_000)).toISOString();
const field = (): string => pick(["email", "name", "sku", "customerId", "quantity"]);

/** A few dozen kinds of problems, each with the ids, numbers, times and hosts that vary between executions. */
const KINDS: readonly (() => string)[] = [
  () => `Code: 401 Message: Unauthorized Body: {"error":"invalid_token","request":"${hex(24)}"}`,
  () => `Code: 403 Message: Forbidden Body: {"message":"User ${int(9999)} may not access ${hex(24)}"}`,
  () => `Code: 404 Message: Not Found Body: {"message":"Order ${int(1e6)} not found"}`,
  () => `Code: 500 Message: Internal Server Error Body: <html><body>Error ${uuid()}</body></html>`,
  () => `Code: 503 Message: Service Unavailable Body: {"retryAfter":${int(120)}}`,
  () => `connect ECONNREFUSED ${ip()}:${pick([443, 8443, 5432])}`,
  () => `getaddrinfo ENOTFOUND ${host()}`,
  () => `read ECONNRESET at ${iso()}`,
  () => `Timeout error! Waiting for response more than ${pick([60000, 120000])} ms`,
  () => "socket hang up",
  () => "Rebound limit exceeded",
  () => "Component run out of memory and terminated",
  () => `Outgoing message size ${10_485_760 + int(1e6)} exceeds limit of 10485760.`,
  () => `"${field()}" is required`,
  () =>
    `TypeError: Cannot read properties of undefined (reading '${field()}')\n    at Object.process (/home/node/lib/actions/upsert.js:${40 + int(5)}:17)\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)`,
  () => `SyntaxError: Unexpected token < in JSON at position ${int(500)}`,
  () => `Failed on publishing ${uuid()} message to MQ: Channel closed`,
  () => `Got error "Too Many Requests", status - "429", body: {"retry_after":${int(60)}}`,
  () => `Error: Request failed with status code ${pick([502, 504])} at ${iso()}`,
  () => `password authentication failed for user "${pick(["etl", "app", "sync"])}_${int(9)}"`,
  () => "JSONata T2002: The right side of the + operator must evaluate to a number",
  () => `invalid_grant: refresh token expired for client ${hex(24)}`,
  () =>
    `Validation failed for field '${field()}': must be a valid email, got ${pick(["bob", "ann"])}${int(99)}@mail.example.com`,
  () => `HTTP 413 Request Entity Too Large at https://${host()}/hook/${hex(24)}?t=${int(1e9)}`,
  () => `AMQP read Connection error: Unexpected connection close. ${iso()}`,
  () =>
    `\u001b[31mError\u001b[0m: ECONNRESET calling https://${host()}/api/v2/orders/${int(1e5)}?page=${int(9)}`,
  () => `Process function is not found in component.json for action ${pick(["upsert", "lookup"])}`,
  () => `RangeError: Maximum call stack size exceeded in exec ${hex(32)}`,
  () => `Record with external id ${hex(8)}-${int(999)} already exists (sha ${hex(40)})`,
  () => `Quota exceeded: ${int(100)}% of ${int(1e6)} messages used on ${iso().slice(0, 10)}`,
];

const FLOWS = Array.from({ length: 20 }, () => hex(24));
const STEPS = ["step_1", "step_2", "step_3", "step_4", "step_5"];

const generate = (count: number): GroupableLogEntry[] =>
  Array.from({ length: count }, () => ({
    message: pick(KINDS)(),
    flowId: pick(FLOWS),
    stepId: pick(STEPS),
    timestamp: iso(),
    threadId: uuid(),
    execId: hex(32),
    level: 50,
  }));

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Wall-clock and CPU milliseconds (median of the runs); CPU time is steadier on a busy machine. */
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

const time = (work: () => unknown): Timing => {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    work();
    const cpu = process.cpuUsage(cpuStarted);
    walls.push(performance.now() - started);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
};

const entries = generate(LINES);
const countByRawMessage = (): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.flowId}|${e.stepId}|${e.message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};
const DOWNTIME = /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|ECONNRESET|socket hang up|Timeout error!|\b50[234]\b/;
const regexTestPerLine = (): number => entries.filter((e) => DOWNTIME.test(e.message)).length;
const fingerprintEach = (): number => new Set(entries.map((e) => fingerprintError(e))).size;

// Warm-up: let the JIT compile every path before measuring.
for (let round = 0; round < 3; round += 1) {
  countByRawMessage();
  regexTestPerLine();
  groupErrors(entries.slice(0, 20_000));
}

const baseline = time(countByRawMessage);
const regexBaseline = time(regexTestPerLine);
const fingerprinting = time(fingerprintEach);
const grouping = time(() => groupErrors(entries));
const groups = groupErrors(entries);
const row = (label: string, timing: Timing): string =>
  `  ${label.padEnd(40)} ${timing.wall.toFixed(1).padStart(8)} ms ${timing.cpu.toFixed(1).padStart(8)} ms ${(timing.cpu / baseline.cpu).toFixed(1).padStart(6)}x`;

console.log(
  `${LINES} error lines, ${KINDS.length} kinds, ${FLOWS.length} flows x ${STEPS.length} steps; median of ${RUNS} runs`,
);
console.log(`  ${"".padEnd(40)} ${"wall".padStart(11)} ${"CPU".padStart(11)} ${"CPU ratio".padStart(7)}`);
console.log(row("baseline: Map count by raw message", baseline));
console.log(row("baseline: one RegExp.test per line", regexBaseline));
console.log(row("fingerprintError per line", fingerprinting));
console.log(row("groupErrors (fingerprint + group)", grouping));
console.log(`  raw distinct messages: ${countByRawMessage().size}; groups: ${groups.length}`);
const verdict = (ms: number): string => (ms < TARGET_MS ? "met" : "NOT met");
console.log(
  `  target: group ${LINES} lines in < ${TARGET_MS} ms: ${verdict(grouping.cpu)} on CPU time, ${verdict(grouping.wall)} on wall time`,
);
