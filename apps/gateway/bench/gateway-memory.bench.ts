// The gateway's resident memory under 256 concurrent errorGroups requests over 1,000 errors: the built gateway alone in
// a child process, started with the node flags of its `start` script (and, beside it, with node's defaults), its
// peak read from /proc. Target: under 256 MB. Prints figures; it never fails on them.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulator } from "@flowdoctor/platform-emulator";
import pg from "pg";
import {
  createErrorScenario,
  ERROR_SCENARIO_USER,
  ERROR_SCENARIO_WORKSPACE,
} from "../src/testing/error-scenario.js";

const CONCURRENT = 256;
/** The limits raised so that all 256 requests of one caller are in flight at once (the defaults admit 16). */
const LIMITS_FOR_256 = {
  MAX_QUERY_COST: "1000000",
  MAX_COST_PER_MINUTE: "1000000000",
  MAX_CONCURRENT_OPERATIONS_PER_CALLER: String(CONCURRENT),
  MAX_CONCURRENT_OPERATIONS: String(CONCURRENT),
};
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const packageJson = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
  scripts: Record<string, string>;
};
/** The node flags `pnpm start` runs the gateway with. */
const START_FLAGS = (packageJson.scripts.start ?? "").split(/\s+/).filter((word) => word.startsWith("--"));
const MAIN = fileURLToPath(new URL("../dist/main.js", import.meta.url));
const authorization = `Basic ${Buffer.from(`${ERROR_SCENARIO_USER.email}:${ERROR_SCENARIO_USER.apiKey}`).toString("base64")}`;
const query = `query G($ws: ID!, $filter: ErrorFilter) { errorGroups(workspaceId: $ws, filter: $filter, first: 100) {
  totalCount nodes { fingerprint count classification { cause } flow { name author { email } } step { name } } } }`;

const residentMb = async (child: ChildProcess, field: "VmRSS" | "VmHWM"): Promise<number> => {
  const status = await readFile(`/proc/${child.pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
};

const startChild = async (
  flags: readonly string[],
  env: Record<string, string>,
  onSpawn: (child: ChildProcess) => void = () => undefined,
) => {
  const child = spawn(process.execPath, [...flags, MAIN], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", LOG_LEVEL: "warn", ...LIMITS_FOR_256, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onSpawn(child);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the gateway did not start within 120 s")), 120_000);
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited (${code}) before it served: ${stderr.trim()}`));
    });
    child.stdout?.on("data", (chunk) => {
      output += String(chunk);
      const match = /GraphQL endpoint:\s+(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, url, stop };
};

/** The peak resident memory of each process below `pid`, polled while the child lives (kernel peaks die with it). */
const watchChildren = (pid: number) => {
  const peaks = new Map<number, number>();
  const poll = async () => {
    const children = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
    for (const child of children.split(" ").filter(Boolean).map(Number)) {
      const status = await readFile(`/proc/${child}/status`, "utf8").catch(() => "");
      const mb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
      peaks.set(child, Math.max(peaks.get(child) ?? 0, mb));
    }
  };
  const timer = setInterval(() => void poll(), 25);
  return () => {
    clearInterval(timer);
    return Math.max(0, ...peaks.values());
  };
};

/** Starts the gateway on a fresh store, and reads its peak and that of the processes it started meanwhile. */
const startWatchingChildren = async (flags: readonly string[], env: Record<string, string>) => {
  let stopWatching = () => 0;
  const started = await startChild(flags, env, (child) => {
    stopWatching = watchChildren(child.pid as number);
  });
  const childPeak = stopWatching();
  return { ...started, gatewayPeak: await residentMb(started.child, "VmHWM"), childPeak };
};

/** Starts the gateway, sends 256 identical then 256 distinct requests at once, and reads its memory. */
const measure = async (flags: readonly string[], env: Record<string, string>) => {
  const { child, url, stop } = await startChild(flags, env);
  let sequence = 0;
  const ask = (distinct: boolean) => {
    sequence += 1;
    const filter = distinct ? { from: new Date(Date.UTC(2000, 0, 1) + sequence).toISOString() } : null;
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query, variables: { ws: ERROR_SCENARIO_WORKSPACE, filter } }),
    }).then(async (response) => {
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });
  };
  try {
    await ask(false);
    const started = await residentMb(child, "VmRSS");
    await Promise.all(Array.from({ length: CONCURRENT }, () => ask(false)));
    const identical = await residentMb(child, "VmHWM");
    await Promise.all(Array.from({ length: CONCURRENT }, () => ask(true)));
    const distinct = await residentMb(child, "VmHWM");
    return { started, identical, distinct };
  } finally {
    await stop();
  }
};

const postgresReachable = async (): Promise<boolean> => {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const report = (label: string, figures: { started: number; identical: number; distinct: number }) =>
  console.log(
    `  ${label.padEnd(44)} after one request ${figures.started.toFixed(0)} MB; peak with ${CONCURRENT} identical ${figures.identical.toFixed(0)} MB, then ${CONCURRENT} distinct ${figures.distinct.toFixed(0)} MB`,
  );

try {
  await readFile(MAIN);
} catch {
  console.log("gateway memory: not measured (build the gateway first: dist/main.js is missing)");
  process.exit(0);
}
const emulator = await createEmulator({ scenario: createErrorScenario(1000) });
const upstream = { PLATFORM_API_URL: emulator.url };
const folder = await mkdtemp(join(tmpdir(), "fd-bench-memory-"));
try {
  console.log(
    `gateway process resident memory, ${CONCURRENT} concurrent errorGroups requests over 1,000 errors (target under 256 MB)`,
  );
  console.log(`  start flags: ${START_FLAGS.join(" ") || "(none)"}`);
  if (await postgresReachable()) {
    const store = { ...upstream, DATABASE_URL };
    report("tickets in PostgreSQL, start flags:", await measure(START_FLAGS, store));
    report("tickets in PostgreSQL, node defaults:", await measure([], store));
  } else {
    console.log(`  tickets in PostgreSQL: not measured (${DATABASE_URL} is not reachable)`);
  }
  const embedded = { ...upstream, DATA_DIR: folder };
  const firstStart = await startWatchingChildren(START_FLAGS, embedded);
  await firstStart.stop();
  console.log(
    `  embedded PGlite, first start (creates the database): gateway peak ${firstStart.gatewayPeak.toFixed(0)} MB (target under 300 MB); its initdb child, gone before the gateway opens the store: peak ${firstStart.childPeak.toFixed(0)} MB`,
  );
  report("embedded PGlite, later starts, start flags:", await measure(START_FLAGS, embedded));
} finally {
  await emulator.close();
  await rm(folder, { recursive: true, force: true });
}
