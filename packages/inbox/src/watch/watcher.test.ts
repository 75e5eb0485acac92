import { randomUUID } from "node:crypto";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { openTicketDb, type TicketDatabase } from "@flowdoctor/tickets";
import {
  freshSchemaName,
  TEST_BACKENDS,
  TEST_DATABASE_URL,
  type TestTicketDb,
} from "@flowdoctor/tickets/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeGroupState } from "../change-state.js";
import type { InboxRules } from "../group-state.js";
import { openTestInboxDb } from "../testing/test-inbox-db.js";
import { readSecretKey } from "./sealed-credentials.js";
import { platformWatchSources, type WatchSources } from "./watch-source.js";
import { createWatcher, type Watcher } from "./watcher.js";
import { listWatchedWorkspaces, registerWatch } from "./watches.js";

const HOUR = 3_600_000;
// A fixed day: the emulator's clock and the watcher's both start here, whatever the machine's date.
const DAY_START = Date.parse("2030-03-04T00:00:00Z");
const at = (hours: number) => new Date(DAY_START + hours * HOUR);
const KEY = readSecretKey(Buffer.alloc(32, 7).toString("base64"));
const RULES: InboxRules = {
  newPeriodMs: 3 * HOUR,
  regressedPeriodMs: 3 * HOUR,
  escalation: { factor: 5, minCount: 10, baselineHours: 6 },
  retentionDays: 30,
};

describe.each(TEST_BACKENDS)("the watcher driving the emulator through a day (%s)", (backend) => {
  let emulator: Emulator;
  let store: TestTicketDb;
  let second: TicketDatabase | undefined;
  let sources: WatchSources[];
  let watchers: Watcher[];
  let workspaceId: string;
  let flow: { id: string; latestVersionId?: string };
  let hours = 0;
  const errors: string[] = [];

  const log = (message: string, count: number, atHours: number, stepId = "step_1") => {
    const template = emulator.scenario.logs.find((entry) => entry.workspace_id === workspaceId) as object;
    emulator.appendLogs(
      Array.from({ length: count }, (_, index) => ({
        ...(template as (typeof emulator.scenario.logs)[number]),
        id: randomUUID(),
        flow_id: flow.id,
        step_id: stepId,
        level: 50,
        message: `${message} #${index + 1}`,
        timestamp: new Date(at(atHours).getTime() - (index + 1) * 1000).toISOString(),
      })),
    );
  };

  /** One cycle of both replicas at `atHours`: the events raised, as `KIND pattern-start`. */
  const cycle = async (atHours: number) => {
    hours = atHours;
    const reports = [];
    for (const watcher of watchers) reports.push(await watcher.runCycle());
    expect(reports.filter((report) => report.leader)).toHaveLength(1);
    return reports.flatMap((report) => report.events.map((event) => `${event.kind} ${event.state}`));
  };

  beforeAll(async () => {
    emulator = await createEmulator({ now: new Date(DAY_START) });
    const alice = emulator.users.find((user) => user.email.startsWith("alice@")) as Emulator["users"][number];
    workspaceId = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
    flow = emulator.scenario.flows.find((candidate) => candidate.workspaceId === workspaceId) as typeof flow;
    const schema = freshSchemaName();
    store = await openTestInboxDb(backend, schema);
    // A second replica: its own connection to the same store (PGlite has one process, so it shares the handle).
    second =
      backend === "postgres"
        ? await openTicketDb({ databaseUrl: TEST_DATABASE_URL as string, schema })
        : undefined;
    await registerWatch(store.db, KEY, { workspaceId, email: alice.email, apiKey: alice.apiKey }, at(0));
    sources = [
      platformWatchSources({ baseUrl: emulator.url }),
      platformWatchSources({ baseUrl: emulator.url }),
    ];
    watchers = [store.db, second?.db ?? store.db].map((db, index) =>
      createWatcher({
        db,
        key: KEY,
        sources: sources[index] as WatchSources,
        holder: `replica-${index}`,
        lookbackMs: 0,
        lagMs: 60_000,
        rules: RULES,
        now: () => at(hours),
        onError: (_, error) => errors.push(String(error)),
      }),
    );
  });
  afterAll(async () => {
    for (const watcher of watchers ?? []) await watcher.stop();
    for (const source of sources ?? []) await source.close();
    await second?.close();
    await store?.drop();
    await emulator?.close();
  });

  it("reads each new entry once and takes each group to the right state at the right cycle", async () => {
    expect(await cycle(0)).toEqual([]);
    // Hour 1: two problems start.
    log("connect ECONNREFUSED 10.0.0.1:443", 3, 1);
    log("Request failed with status 401 Unauthorized", 1, 1, "step_2");
    expect((await cycle(1)).sort()).toEqual(["NEW NEW", "NEW NEW"]);
    // Hours 2–3: the refused connections stop; the 401s go on at one an hour.
    for (const hour of [2, 3]) {
      log("Request failed with status 401 Unauthorized", 1, hour, "step_2");
      expect(await cycle(hour)).toEqual([]);
    }
    // Hour 4: both are ONGOING; someone resolves the refused connections.
    log("Request failed with status 401 Unauthorized", 1, 4, "step_2");
    expect(await cycle(4)).toEqual([]);
    const [refused] = await store.db
      .execute(sql`SELECT fingerprint FROM inbox_groups WHERE pattern LIKE 'connect%'`)
      .then((result) => (result as unknown as { rows: { fingerprint: string }[] }).rows);
    await changeGroupState(store.db, {
      workspaceId,
      fingerprint: refused?.fingerprint as string,
      state: "RESOLVED",
      by: "someone",
      now: at(4.5),
    });
    // Hour 6: they return: REGRESSED once, also when they go on in hour 7.
    log("connect ECONNREFUSED 10.0.0.9:443", 2, 6);
    expect(await cycle(6)).toEqual(["REGRESSED REGRESSED"]);
    log("connect ECONNREFUSED 10.0.0.7:443", 1, 7);
    expect(await cycle(7)).toEqual([]);
    // Hour 10: the 401s burst after a quiet spell: ESCALATING once.
    for (const hour of [8, 9]) log("Request failed with status 401 Unauthorized", 1, hour, "step_2");
    log("Request failed with status 401 Unauthorized", 40, 10, "step_2");
    expect(await cycle(10)).toEqual(["ESCALATING ESCALATING"]);
    expect(await cycle(10.5)).toEqual([]);
    expect(errors).toEqual([]);
    const counts = await store.db.execute(
      sql`SELECT total_count FROM inbox_groups ORDER BY first_seen, total_count`,
    );
    expect(
      (counts as unknown as { rows: { total_count: string | number }[] }).rows.map((row) =>
        Number(row.total_count),
      ),
    ).toEqual([6, 46]);
  });

  it("counts each entry once even when two replicas both lead at once (a lease that ran out mid-cycle)", async () => {
    await store.db.execute(sql`DELETE FROM inbox_leases`);
    // A lease of 0 ms runs out at once, so each of these replicas takes it whenever it asks.
    const eager = [store.db, second?.db ?? store.db].map((db, index) =>
      createWatcher({
        db,
        key: KEY,
        sources: sources[index] as WatchSources,
        holder: `eager-${index}`,
        leaseMs: 0,
        rules: RULES,
        now: () => at(hours),
      }),
    );
    const total = async () =>
      (
        (await store.db.execute(sql`SELECT sum(total_count) AS total FROM inbox_groups`)) as unknown as {
          rows: { total: string | number }[];
        }
      ).rows.map((row) => Number(row.total))[0];
    const before = await total();
    hours = 12;
    log("Disk quota exceeded on /tmp", 5, 12);
    const reports = await Promise.all(eager.map((watcher) => watcher.runCycle()));
    for (const watcher of eager) await watcher.stop();
    expect(reports.map((report) => report.leader)).toEqual([true, true]);
    expect(reports.flatMap((report) => report.events.map((event) => event.kind))).toEqual(["NEW"]);
    expect(await total()).toBe((before ?? 0) + 5);
  });

  it("asks the platform the same few requests per cycle and stores the credentials sealed", async () => {
    emulator.resetRequests();
    await cycle(11);
    // One page of logs; flows are read only when there is something new.
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      expect.stringMatching(/^GET \/v2\/logs/),
    ]);
    expect(await listWatchedWorkspaces(store.db)).toEqual([workspaceId]);
    const stored = JSON.stringify(
      (await store.db.execute(sql`SELECT * FROM inbox_watches`)) as unknown as { rows: unknown[] },
    );
    const alice = emulator.users.find((user) => user.email.startsWith("alice@")) as Emulator["users"][number];
    expect(stored).not.toContain(alice.apiKey);
    expect(stored).not.toContain(alice.email);
  });
});
