// `pnpm scale-test`: two gateway replicas behind HAProxy on one PostgreSQL, each with its outbox worker, a real SMTP
// server and the emulator as the platform, under a bounded load from several tenants while a replica is killed,
// PostgreSQL restarts, SMTP goes away and the platform answers 429 and then 503; meanwhile new problems are logged to
// a watched workspace with an alert rule. Prints the report (also written to scale/last-report.md) and exits 1 on a
// lost or doubly-created ticket, a 5xx outside the fault windows, a replica that did not recover, or a problem
// alerted never or more than once. Not part of `pnpm test`. Settings: SCALE_POSTGRES (private | system),
// SCALE_SMTP_OUTAGE_S (60), SCALE_CONCURRENCY (6), SCALE_GATEWAYS (2).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createEmulator } from "@flowdoctor/platform-emulator";
import { startSmtpSink } from "@flowdoctor/tickets/testing";
import pg from "pg";
import { logNewProblems, startAlertReceiver, summariseAlerts, waitForAlerts } from "./alerts.js";
import { createLoadClient, type LoadUser, runLoad, type Sample, type TicketAttempt } from "./load.js";
import { startScalePostgres } from "./postgres.js";
import {
  type GatewayProcess,
  gatewayProcess,
  startLoadBalancer,
  waitUntilReady,
  watchMemory,
} from "./processes.js";

const SMTP_OUTAGE_MS = Number(process.env.SCALE_SMTP_OUTAGE_S ?? 60) * 1000;
const CONCURRENCY = Number(process.env.SCALE_CONCURRENCY ?? 6);
const GATEWAYS = Math.max(2, Number(process.env.SCALE_GATEWAYS ?? 2));
/** After a fault ends, this long still counts as its window: health checks (1 s, fall 2) and reconnects settle. */
const GRACE_MS = 5000;
const DRAIN_TIMEOUT_MS = 180_000;
/** A replica or the database gone: 5xx allowed, and a delivery sent but not yet recorded goes out again. */
const HARD_FAULT = { excuses5xx: true, mayRepeatDelivery: true };
const PLATFORM_FAULT = { excuses5xx: true, mayRepeatDelivery: false };
const DEMO_USERS = [
  { name: "alice", email: "alice@acme.example", apiKey: "4d6f7c2a-1b3e-4f5a-8c9d-0e1f2a3b4c5d" },
  { name: "carl", email: "carl@acme.example", apiKey: "7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908" },
  { name: "bob", email: "bob@globex.example", apiKey: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d" },
];

interface FaultWindow {
  readonly name: string;
  /** Whether requests may fail with 5xx meanwhile (a delivery-only fault like SMTP's excuses none). */
  readonly excuses5xx: boolean;
  /** Whether a delivery sent but not recorded meanwhile may go out again (at-least-once): not the platform's faults. */
  readonly mayRepeatDelivery: boolean;
  from: number;
  to: number;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const percentile = (values: readonly number[], share: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
};

const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

const authorizationOf = (email: string, apiKey: string) =>
  `Basic ${Buffer.from(`${email}:${apiKey}`).toString("base64")}`;

/** Each demo user's workspaces and flows, read through the load balancer before the run. */
const discoverUsers = async (url: string): Promise<LoadUser[]> => {
  const client = createLoadClient(url, []);
  return Promise.all(
    DEMO_USERS.map(async (demo) => {
      const user = { name: demo.name, authorization: authorizationOf(demo.email, demo.apiKey) };
      const spaces = await client.graphql("setup", user, "{ workspaces { nodes { id } } }");
      const workspaceIds = (
        (spaces?.data?.workspaces as { nodes: { id: string }[] } | null)?.nodes ?? []
      ).map((ws) => ws.id);
      const flowIds: string[] = [];
      for (const ws of workspaceIds) {
        const flows = await client.graphql(
          "setup",
          user,
          "query F($ws: ID!) { flows(workspaceId: $ws) { nodes { id } } }",
          { ws },
        );
        flowIds.push(
          ...((flows?.data?.flows as { nodes: { id: string }[] } | null)?.nodes ?? []).map((flow) => flow.id),
        );
      }
      return { ...user, workspaceIds, flowIds };
    }),
  );
};

/** Runs `fault` at `atMs` after `start`, recording its window from its start until it says it is over. */
const scheduleFault = (
  start: number,
  atMs: number,
  name: string,
  windows: FaultWindow[],
  fault: () => Promise<void>,
  kind: { excuses5xx: boolean; mayRepeatDelivery: boolean },
): Promise<void> =>
  sleep(Math.max(0, start + atMs - performance.now())).then(async () => {
    const window = { name, ...kind, from: performance.now(), to: Number.POSITIVE_INFINITY };
    windows.push(window);
    say(`  t=${((window.from - start) / 1000).toFixed(0)}s ${name}: begins`);
    await fault();
    window.to = performance.now();
    say(`  t=${((window.to - start) / 1000).toFixed(0)}s ${name}: over`);
  });

/** Every SUBMITTED ticket each user can list, with its delivery, through the load balancer. */
const listSubmitted = async (url: string, users: readonly LoadUser[]) => {
  const client = createLoadClient(url, []);
  const found = new Map<
    string,
    { key: string; messageId: string | undefined; delivery: string | undefined }
  >();
  for (const user of users) {
    let after: string | null = null;
    for (;;) {
      const answer = await client.graphql(
        "check",
        user,
        `query T($after: String) { tickets(first: 100, after: $after, filter: { status: SUBMITTED }) {
          nodes { id key delivery { status messageId } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = answer?.data?.tickets as
        | {
            nodes: { id: string; key: string; delivery: { status: string; messageId: string } | null }[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          }
        | undefined;
      if (page === undefined)
        throw new Error(`could not list ${user.name}'s tickets: ${JSON.stringify(answer)}`);
      for (const node of page.nodes)
        found.set(node.id, {
          key: node.key,
          messageId: node.delivery?.messageId,
          delivery: node.delivery?.status,
        });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
  }
  return found;
};

const summariseSamples = (samples: readonly Sample[], windows: readonly FaultWindow[]) => {
  const byCode = new Map<string, number>();
  for (const sample of samples) {
    const key = sample.status === 0 ? "no answer" : `HTTP ${sample.status}`;
    byCode.set(key, (byCode.get(key) ?? 0) + 1);
    for (const code of sample.codes) byCode.set(`GraphQL ${code}`, (byCode.get(`GraphQL ${code}`) ?? 0) + 1);
  }
  const overlaps = (sample: Sample, window: FaultWindow) =>
    sample.startedAt < window.to + GRACE_MS && sample.endedAt > window.from;
  const windowOf = (sample: Sample) =>
    windows.find((window) => window.excuses5xx && overlaps(sample, window));
  const inWindow = (sample: Sample) => windows.some((window) => overlaps(sample, window));
  const serverErrors = samples.filter((sample) => sample.status >= 500 || sample.status === 0);
  const outside = serverErrors.filter((sample) => windowOf(sample) === undefined);
  const perWindow = new Map<string, Map<string, number>>();
  for (const sample of serverErrors) {
    const name = windowOf(sample)?.name ?? "outside every 5xx window";
    const source =
      sample.status === 0
        ? "no answer"
        : `${sample.status} from ${sample.fromBalancer ? "HAProxy" : "a gateway"}`;
    const counts = perWindow.get(name) ?? new Map<string, number>();
    counts.set(source, (counts.get(source) ?? 0) + 1);
    perWindow.set(name, counts);
  }
  return { byCode, serverErrors, outside, inWindow, perWindow };
};

const main = async () => {
  const started = performance.now();
  const folder = await mkdtemp(join(tmpdir(), "fd-scale-"));
  const failures: string[] = [];
  const emulator = await createEmulator({ scenario: "demo" });
  const smtp = await startSmtpSink();
  const postgres = await startScalePostgres(process.env.SCALE_POSTGRES ?? "private", await freePort());
  const alerts = await startAlertReceiver();
  const alice = DEMO_USERS[0] as (typeof DEMO_USERS)[number];
  const watched = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
  const env = {
    PLATFORM_API_URL: emulator.url,
    DATABASE_URL: postgres.databaseUrl,
    TICKET_DELIVERY: "smtp",
    SMTP_URL: smtp.url,
    TICKET_WORKER: "on",
    TICKET_RETRY_BASE_MS: "500",
    TICKET_MAX_ATTEMPTS: "30",
    // Every replica runs the watcher; one at a time holds the lease and reads, so each problem is raised once.
    INBOX_WATCH: `${watched}=${alice.email}:${alice.apiKey}`,
    INBOX_SECRET_KEY: randomBytes(32).toString("base64"),
    INBOX_WATCH_INTERVAL_MS: "2000",
    ALERT_CHANNELS: alerts.channels,
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  };
  const gateways: GatewayProcess[] = [];
  for (let index = 1; index <= GATEWAYS; index += 1)
    gateways.push(gatewayProcess(`gateway${index}`, await freePort(), env));
  let balancer: Awaited<ReturnType<typeof startLoadBalancer>> | undefined;
  let cleaned: Promise<void> | undefined;
  const cleanUp = () => {
    cleaned ??= (async () => {
      await balancer?.stop();
      for (const gateway of gateways) await gateway.stop();
      await smtp.stop();
      await alerts.stop();
      await emulator.close();
      await postgres.close();
      await rm(folder, { recursive: true, force: true });
    })();
    return cleaned;
  };
  // Interrupted or crashed, it still stops what it started: HAProxy, the replicas and the private PostgreSQL.
  const abort = (reason: unknown) => {
    console.error("scale test aborted:", reason);
    void cleanUp().finally(() => process.exit(2));
  };
  process
    .once("SIGINT", abort)
    .once("SIGTERM", abort)
    .once("uncaughtException", abort)
    .once("unhandledRejection", abort);
  try {
    // One after the other: the first applies the migrations, under their advisory lock either way.
    for (const gateway of gateways) await gateway.start();
    balancer = await startLoadBalancer(folder, await freePort(), gateways);
    const lb = balancer;
    const memory = watchMemory({
      ...Object.fromEntries(gateways.map((gateway) => [gateway.name, () => gateway.pid()])),
      haproxy: () => lb.pid(),
      "postgres (postmaster)": () => postgres.pid(),
      "load + emulator + SMTP (this process)": () => process.pid,
    });
    const users = await discoverUsers(lb.url);
    const rule = await createLoadClient(lb.url, []).graphql(
      "setup",
      users[0] as LoadUser,
      `mutation R($ws: ID!) { setAlertRule(input: { workspaceId: $ws, name: "scale", events: [NEW], channel: "scale-hook", digestMinutes: 0 }) { id } }`,
      { ws: watched },
    );
    if (rule?.data?.setAlertRule == null)
      throw new Error(`could not set the alert rule: ${JSON.stringify(rule)}`);
    say(`# Flowdoctor scale test (${new Date().toISOString().slice(0, 10)})`);
    say("");
    say(
      `${GATEWAYS} gateways (TICKET_WORKER=on each) behind HAProxy at ${lb.url}; PostgreSQL: ${postgres.kind}`,
    );
    say(`SMTP: ${smtp.url} (smtp-server); platform: the emulator's demo at ${emulator.url}`);
    say(
      `users: ${users.map((user) => `${user.name} (${user.workspaceIds.length} workspaces, ${user.flowIds.length} flows)`).join(", ")}; ${CONCURRENCY} concurrent clients`,
    );
    say("");
    say("## Timeline");

    const samples: Sample[] = [];
    const windows: FaultWindow[] = [];
    const client = createLoadClient(lb.url, samples);
    const loadStart = performance.now();
    const victim = gateways[0] as GatewayProcess;
    const smtpFrom = 45_000;
    const durationMs = Math.max(smtpFrom + SMTP_OUTAGE_MS, 85_000) + 10_000;
    const faults = Promise.all([
      scheduleFault(
        loadStart,
        10_000,
        `kill -9 ${victim.name}, then start it again`,
        windows,
        async () => {
          await victim.kill();
          await sleep(2000);
          await victim.start();
        },
        HARD_FAULT,
      ),
      scheduleFault(
        loadStart,
        28_000,
        "PostgreSQL stopped for 3 s and started",
        windows,
        () => postgres.restart(3000),
        HARD_FAULT,
      ),
      scheduleFault(
        loadStart,
        smtpFrom,
        `SMTP server away for ${SMTP_OUTAGE_MS / 1000} s`,
        windows,
        async () => {
          await smtp.stop();
          await sleep(SMTP_OUTAGE_MS);
          await smtp.start();
        },
        { excuses5xx: false, mayRepeatDelivery: true },
      ),
      scheduleFault(
        loadStart,
        50_000,
        "platform answers 429 (Retry-After: 1) for 15 s",
        windows,
        async () => {
          emulator.setFaults([{ status: 429, retryAfterSeconds: 1 }]);
          await sleep(15_000);
          emulator.setFaults([]);
        },
        PLATFORM_FAULT,
      ),
      scheduleFault(
        loadStart,
        70_000,
        "platform answers 503 for 15 s",
        windows,
        async () => {
          emulator.setFaults([{ status: 503 }]);
          await sleep(15_000);
          emulator.setFaults([]);
        },
        PLATFORM_FAULT,
      ),
    ]);
    const arrivals = watchArrivals(smtp);
    const problems = logNewProblems(emulator, watched, 9000, loadStart + durationMs - 10_000);
    const tickets = await runLoad(client, samples, {
      users,
      concurrency: CONCURRENCY,
      durationMs,
      maxRequests: 50_000,
    });
    await faults;
    say(`  t=${((performance.now() - loadStart) / 1000).toFixed(0)}s load over; waiting for deliveries`);

    const accepted = tickets.filter((ticket) => ticket.accepted);
    const drained = await waitForDeliveries(lb.url, users, accepted, smtp);
    say(
      `  deliveries settled after ${((performance.now() - loadStart) / 1000).toFixed(0)}s${drained ? "" : " (timed out)"}`,
    );
    const logged = await problems;
    await waitForAlerts(alerts, logged, 60_000);
    say(`  alerts settled after ${((performance.now() - loadStart) / 1000).toFixed(0)}s`);

    // Recovery: every replica answers on its own, ready, and serves a query.
    for (const gateway of gateways) {
      const url = `http://127.0.0.1:${gateway.port}`;
      const ready = await waitUntilReady(`${url}/readyz`, 10_000).then(
        () => true,
        () => false,
      );
      const me = await createLoadClient(url, []).graphql("check", users[0] as LoadUser, "{ me { email } }");
      if (!ready || me?.data?.me === undefined)
        failures.push(`${gateway.name} did not recover (ready ${ready}; ${gateway.stderr().slice(-300)})`);
    }

    const peaks = await memory.stop();
    arrivals.stop();
    await report({
      arrivals: arrivals.times,
      samples,
      windows,
      tickets,
      lbUrl: lb.url,
      users,
      smtp,
      postgresUrl: postgres.databaseUrl,
      peaks,
      failures,
    });
    const alerted = summariseAlerts(alerts, logged);
    say("");
    say("## Alerts (a rule on NEW groups of a watched workspace, to a signed webhook)");
    for (const line of alerted.lines) say(line);
    failures.push(...alerted.failures);
    say("");
    say(
      `wall time ${((performance.now() - started) / 1000).toFixed(0)} s; verdict: ${failures.length === 0 ? "PASS" : "FAIL"}`,
    );
    for (const failure of failures) say(`  - ${failure}`);
  } finally {
    await cleanUp();
  }
  await writeFile(new URL("./last-report.md", import.meta.url), `${lines.join("\n")}\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
};

/** Waits until every accepted ticket's Message-ID has reached the SMTP server, or the drain time is over. */
const waitForDeliveries = async (
  url: string,
  users: readonly LoadUser[],
  accepted: readonly TicketAttempt[],
  smtp: Awaited<ReturnType<typeof startSmtpSink>>,
): Promise<boolean> => {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const stored = await listSubmitted(url, users).catch(() => undefined);
    if (stored !== undefined && smtp.count() >= stored.size && stored.size >= accepted.length) {
      const pending = [...stored.values()].filter((ticket) => ticket.delivery !== "DELIVERED");
      if (pending.length === 0) return true;
    }
    await sleep(2000);
  }
  return false;
};

interface ReportInput {
  /** When each SMTP message (by its index) was first seen. */
  readonly arrivals: readonly number[];
  readonly samples: readonly Sample[];
  readonly windows: readonly FaultWindow[];
  readonly tickets: readonly TicketAttempt[];
  readonly lbUrl: string;
  readonly users: readonly LoadUser[];
  readonly smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  readonly postgresUrl: string;
  readonly peaks: ReadonlyMap<string, number>;
  readonly failures: string[];
}

const report = async (input: ReportInput) => {
  const { samples, windows, tickets, failures } = input;
  const summary = summariseSamples(samples, windows);
  say("");
  say("## Requests");
  say(
    `served ${samples.length} requests; ${summary.serverErrors.length} 5xx or unanswered, ${summary.outside.length} of them outside the fault windows`,
  );
  for (const [code, count] of [...summary.byCode].sort((a, b) => b[1] - a[1]))
    say(
      `  ${code.padEnd(34)} ${String(count).padStart(6)}  ${((100 * count) / samples.length).toFixed(2)} %`,
    );
  say(
    "5xx and unanswered requests by fault window (a request overlapping a window, or its 5 s after, counts in it):",
  );
  for (const [name, counts] of summary.perWindow)
    say(`  ${name}: ${[...counts].map(([source, count]) => `${count} × ${source}`).join(", ")}`);
  say("");
  say("operation                        count   p50 ms   p99 ms  errors (any GraphQL error or non-200)");
  const operations = [...new Set(samples.map((sample) => sample.operation))].sort();
  for (const operation of operations) {
    const of = samples.filter((sample) => sample.operation === operation);
    const ms = of.map((sample) => sample.endedAt - sample.startedAt);
    const errors = of.filter((sample) => sample.status !== 200 || sample.codes.length > 0).length;
    say(
      `  ${operation.padEnd(30)} ${String(of.length).padStart(6)} ${percentile(ms, 0.5).toFixed(0).padStart(8)} ${percentile(ms, 0.99).toFixed(0).padStart(8)}  ${errors}`,
    );
  }
  const quiet = samples.filter((sample) => !summary.inWindow(sample));
  const quietErrors = quiet.filter((sample) => sample.status !== 200 || sample.codes.length > 0);
  const quietCodes = new Map<string, number>();
  for (const sample of quietErrors)
    for (const code of sample.codes.length > 0 ? sample.codes : [`HTTP ${sample.status}`])
      quietCodes.set(code, (quietCodes.get(code) ?? 0) + 1);
  const quietText = [...quietCodes].map(([code, count]) => `${count} × ${code}`).join(", ") || "none";
  say(
    `outside every fault window: ${quiet.length} requests, ${quietErrors.length} with an error (${quietText})`,
  );
  for (const sample of quietErrors.slice(0, 3))
    say(
      `  e.g. ${sample.operation}: ${sample.codes.join(", ") || `HTTP ${sample.status}`} ${sample.message ?? ""}`,
    );
  for (const sample of summary.outside.slice(0, 5))
    failures.push(`${sample.operation} answered ${sample.status || "nothing"} outside every fault window`);
  if (summary.outside.length > 5)
    failures.push(`... and ${summary.outside.length - 5} more 5xx outside the fault windows`);

  say("");
  say("## Tickets");
  const stored = await listSubmitted(input.lbUrl, input.users);
  const messages = await input.smtp.messages();
  const byMessageId = new Map<string, number>();
  const firstArrival = new Map<string, number>();
  messages.forEach((message, index) => {
    const id = message.messageId ?? "";
    byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
    if (!firstArrival.has(id)) firstArrival.set(id, input.arrivals[index] ?? Number.NaN);
  });
  const accepted = tickets.filter((ticket) => ticket.accepted);
  const storedIds = new Set(stored.keys());
  const lost = accepted.filter((ticket) => ticket.ticketId === undefined || !storedIds.has(ticket.ticketId));
  const undelivered = [...stored.values()].filter(
    (ticket) => (byMessageId.get(ticket.messageId ?? "") ?? 0) === 0,
  );
  // A copy first sent while a replica, the database or SMTP went away may have been sent and not recorded: the
  // documented at-least-once repeat. Any other repeat is a double delivery.
  const repeatable = (at: number) =>
    input.windows.some(
      (window) => window.mayRepeatDelivery && at > window.from - 3000 && at < window.to + GRACE_MS,
    );
  const repeated = [...byMessageId].filter(([, count]) => count > 1);
  const atLeastOnce = repeated.filter(([id]) => repeatable(firstArrival.get(id) ?? Number.NaN));
  const twice = repeated.filter(([id]) => !repeatable(firstArrival.get(id) ?? Number.NaN));
  const strangers = [...byMessageId.keys()].filter(
    (id) => ![...stored.values()].some((ticket) => ticket.messageId === id),
  );
  const duplicateKeys = await duplicateIdempotencyKeys(input.postgresUrl);
  say(
    `submissions tried ${tickets.length}, accepted (SUBMITTED answered) ${accepted.length}, gave up ${tickets.length - accepted.length}`,
  );
  say(
    `stored as SUBMITTED ${stored.size}; delivered ${messages.length} messages, ${byMessageId.size} distinct Message-IDs`,
  );
  say(
    `lost (accepted, not stored) ${lost.length}; stored but never delivered ${undelivered.length}; delivered again after a fault (at-least-once, documented) ${atLeastOnce.length}; delivered twice otherwise ${twice.length}; rows sharing an idempotency key ${duplicateKeys}`,
  );
  const reasons = new Map<string, number>();
  for (const ticket of tickets.filter((attempt) => !attempt.accepted))
    reasons.set(ticket.lastError ?? "", (reasons.get(ticket.lastError ?? "") ?? 0) + 1);
  for (const [reason, count] of reasons) say(`  gave up ${count} × ${reason}`);
  if (lost.length > 0) failures.push(`${lost.length} accepted tickets are not stored`);
  if (undelivered.length > 0) failures.push(`${undelivered.length} stored tickets were never delivered`);
  for (const [id] of atLeastOnce) {
    const at = firstArrival.get(id) ?? Number.NaN;
    const during = input.windows.find(
      (window) => window.mayRepeatDelivery && at > window.from - 3000 && at < window.to + GRACE_MS,
    );
    say(`  ${id} sent again; first copy during "${during?.name}"`);
  }
  if (twice.length > 0)
    failures.push(
      `${twice.length} tickets were delivered more than once (${twice
        .map(([id]) => id)
        .slice(0, 3)
        .join(", ")})`,
    );
  if (strangers.length > 0) failures.push(`${strangers.length} delivered messages match no stored ticket`);
  if (duplicateKeys > 0) failures.push(`${duplicateKeys} idempotency keys have more than one ticket`);

  say("");
  say(
    "## Peak resident memory per process (VmHWM, polled every 0.5 s; a restarted replica keeps its highest)",
  );
  for (const [name, mb] of input.peaks) say(`  ${name.padEnd(40)} ${mb.toFixed(0)} MB`);
};

/** Notes when each message reaches the SMTP server (polled every 100 ms), so a repeat can be set beside the faults. */
const watchArrivals = (smtp: Awaited<ReturnType<typeof startSmtpSink>>) => {
  const times: number[] = [];
  const timer = setInterval(() => {
    while (times.length < smtp.count()) times.push(performance.now());
  }, 100);
  return { times, stop: () => clearInterval(timer) };
};

/** Tickets sharing an idempotency key, read from the database itself: the one check GraphQL cannot make. */
const duplicateIdempotencyKeys = async (databaseUrl: string): Promise<number> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM (SELECT idempotency_key FROM tickets WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1) AS twice",
    );
    return (rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
};

await main();
