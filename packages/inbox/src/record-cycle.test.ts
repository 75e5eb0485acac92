import { TEST_BACKENDS, type TestTicketDb } from "@flowdoctor/tickets/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeGroupState } from "./change-state.js";
import { FINGERPRINTERS, type Fingerprinter } from "./fingerprints.js";
import type { InboxRules } from "./group-state.js";
import { listGroups, readEvents, readGroupStates, readHourlyCounts } from "./read-groups.js";
import { recordCycle } from "./record-cycle.js";
import type { Occurrence } from "./resolve-groups.js";
import { openTestInboxDb } from "./testing/test-inbox-db.js";

const HOUR = 3_600_000;
// A fixed day, so nothing depends on the machine's clock.
const DAY_START = Date.parse("2030-03-04T00:00:00Z");
const at = (hours: number) => new Date(DAY_START + hours * HOUR);

const RULES: InboxRules = {
  newPeriodMs: 3 * HOUR,
  regressedPeriodMs: 3 * HOUR,
  escalation: { factor: 5, minCount: 10, baselineHours: 6 },
  retentionDays: 2,
};

const FLOW = "5f0c0c0c0c0c0c0c0c0c0c01";
const ALICE = "5f0c0c0c0c0c0c0c0c0c0a11";
const MESSAGES = {
  refused: (n: number) => `connect ECONNREFUSED 10.0.0.${n}:443`,
  unauthorized: (n: number) => `Request failed with status 401 Unauthorized for user ${n}`,
  parse: (n: number) => `Unexpected token < in JSON at position ${n}`,
  timeout: (n: number) => `Timeout after ${n} ms waiting for reply`,
  ignored: (n: number) => `Deprecated option used ${n} times`,
};
type Problem = keyof typeof MESSAGES;

const occurrences = (problem: Problem, count: number, hours: number): Occurrence[] =>
  Array.from({ length: count }, (_, index) => ({
    message: MESSAGES[problem](index + 1),
    flowId: FLOW,
    stepId: problem === "parse" ? "step_2" : "step_1",
    timestamp: new Date(at(hours).getTime() - (index + 1) * 1000),
  }));

const fingerprintOf = (problem: Problem) =>
  (FINGERPRINTERS[0] as Fingerprinter).fingerprint({
    message: MESSAGES[problem](1),
    flowId: FLOW,
    stepId: problem === "parse" ? "step_2" : "step_1",
  });

describe.each(TEST_BACKENDS)("an error inbox through a day (%s)", (backend) => {
  let store: TestTicketDb;
  const workspaceId = `ws-${backend}`;
  let flowVersion = "a".repeat(40);

  beforeAll(async () => {
    store = await openTestInboxDb(backend);
  });
  afterAll(async () => store?.drop());

  const cycle = async (hours: number, seen: Occurrence[]) => {
    const events = await recordCycle(
      store.db,
      { workspaceId, occurrences: seen, flowVersions: new Map([[FLOW, flowVersion]]), now: at(hours) },
      { rules: RULES },
    );
    return events.map((event) => `${event.kind} ${fingerprintName(event.fingerprint)} ${event.state}`);
  };
  const names = new Map<string, Problem>(
    (Object.keys(MESSAGES) as Problem[]).map((problem) => [fingerprintOf(problem), problem]),
  );
  const fingerprintName = (fingerprint: string) => names.get(fingerprint) ?? fingerprint;
  const stateOf = async (problem: Problem) =>
    (await readGroupStates(store.db, workspaceId, [fingerprintOf(problem)])).get(fingerprintOf(problem))
      ?.state;
  const change = (
    problem: Problem,
    hours: number,
    state: "RESOLVED" | "IGNORED" | "SNOOZED",
    snooze?: object,
  ) =>
    changeGroupState(store.db, {
      workspaceId,
      fingerprint: fingerprintOf(problem),
      state,
      by: ALICE,
      note: `handled; token=sk_live_abcdefghijklmnop1234`,
      now: at(hours),
      ...(snooze === undefined ? {} : { snooze }),
    });

  it("takes each group to the right state at the right cycle, telling each event once", async () => {
    // Hour 1: three problems start.
    expect(
      await cycle(1, [
        ...occurrences("refused", 2, 1),
        ...occurrences("unauthorized", 1, 1),
        ...occurrences("parse", 1, 1),
        ...occurrences("timeout", 1, 1),
        ...occurrences("ignored", 1, 1),
      ]),
    ).toEqual(expect.arrayContaining(["NEW refused NEW", "NEW unauthorized NEW", "NEW parse NEW"]));
    await change("parse", 1.5, "SNOOZED", { occurrences: 3 });
    await change("timeout", 1.5, "SNOOZED", { until: at(6) });
    await change("ignored", 1.5, "IGNORED");
    // Hour 2: still NEW; the snoozed group has seen 2 of its 3.
    expect(
      await cycle(2, [
        ...occurrences("refused", 1, 2),
        ...occurrences("unauthorized", 1, 2),
        ...occurrences("parse", 2, 2),
        ...occurrences("ignored", 5, 2),
      ]),
    ).toEqual([]);
    expect(await stateOf("parse")).toBe("SNOOZED");
    // Hour 3: the third occurrence ends the snooze.
    expect(await cycle(3, [...occurrences("unauthorized", 1, 3), ...occurrences("parse", 1, 3)])).toEqual([
      "SNOOZE_ENDED parse ONGOING",
    ]);
    // Hour 4: three hours after they were first seen, NEW groups are ONGOING, without an event.
    expect(await cycle(4, occurrences("unauthorized", 1, 4))).toEqual([]);
    expect(await stateOf("refused")).toBe("ONGOING");
    // Resolved at 4:30; an entry logged before that but read after is not a regression.
    await change("refused", 4.5, "RESOLVED");
    expect(await cycle(5, occurrences("refused", 1, 4.4))).toEqual([]);
    expect(await stateOf("refused")).toBe("RESOLVED");
    // Hour 6: the snooze's time has come.
    expect(await cycle(6, [])).toEqual(["SNOOZE_ENDED timeout ONGOING"]);
    // Hour 7: a new flow version is deployed and the resolved problem returns: REGRESSED, once.
    flowVersion = "b".repeat(40);
    const regressed = await recordCycle(
      store.db,
      {
        workspaceId,
        occurrences: occurrences("refused", 2, 7),
        flowVersions: new Map([[FLOW, flowVersion]]),
        now: at(7),
      },
      { rules: RULES },
    );
    expect(regressed).toMatchObject([
      {
        kind: "REGRESSED",
        state: "REGRESSED",
        flowVersion: "b".repeat(40),
        detail: { resolvedFlowVersion: "a".repeat(40), newFlowVersion: true, count: 2 },
      },
    ]);
    expect(await cycle(8, occurrences("refused", 1, 8))).toEqual([]);
    // Hours 5–12: the 401s go on at one an hour, then burst at hour 13: ESCALATING once, calm again by hour 16.
    for (const hour of [5, 6, 7, 8, 9, 10, 11, 12])
      await cycle(hour + 0.5, occurrences("unauthorized", 1, hour + 0.5));
    expect(await cycle(13.5, occurrences("unauthorized", 30, 13.5))).toEqual([
      "ESCALATING unauthorized ESCALATING",
    ]);
    expect(await cycle(14.5, occurrences("unauthorized", 20, 14.5))).toEqual([]);
    expect(await stateOf("unauthorized")).toBe("ESCALATING");
    expect(await cycle(16.5, occurrences("unauthorized", 1, 16.5))).toEqual([]);
    expect(await stateOf("unauthorized")).toBe("ONGOING");
    // The regression turns ONGOING three hours after it came back; the ignored group never moved.
    expect(await stateOf("refused")).toBe("ONGOING");
    expect(await stateOf("ignored")).toBe("IGNORED");

    const ignored = (await readGroupStates(store.db, workspaceId, [fingerprintOf("ignored")])).get(
      fingerprintOf("ignored"),
    );
    expect(ignored).toMatchObject({ changedBy: ALICE, totalCount: 6 });
    expect(ignored?.note).not.toContain("sk_live_abcdefghijklmnop1234");
    const kinds = (await readEvents(store.db, workspaceId)).map(
      (event) => `${event.kind} ${fingerprintName(event.fingerprint)}`,
    );
    expect(kinds.filter((kind) => kind === "REGRESSED refused")).toHaveLength(1);
    expect(kinds.filter((kind) => kind === "ESCALATING unauthorized")).toHaveLength(1);
    expect((await listGroups(store.db, workspaceId, { states: ["IGNORED"] })).map((g) => g.pattern)).toEqual([
      expect.stringContaining("Deprecated option used"),
    ]);
  });

  it("keeps hourly counts by the entries' hours and prunes those and the events past the retention", async () => {
    const refused = fingerprintOf("refused");
    const counts = await readHourlyCounts(store.db, workspaceId, refused, at(0));
    expect(counts.map((row) => [row.hour.toISOString(), row.count])).toEqual([
      [at(0).toISOString(), 2],
      [at(1).toISOString(), 1],
      [at(4).toISOString(), 1],
      [at(6).toISOString(), 2],
      [at(7).toISOString(), 1],
    ]);
    const eventsBefore = await readEvents(store.db, workspaceId);
    expect(eventsBefore.some((event) => event.at < at(24))).toBe(true);
    await change("refused", 71, "RESOLVED");
    await cycle(24 * 3, occurrences("refused", 1, 24 * 3));
    const left = await readHourlyCounts(store.db, workspaceId, refused, at(0));
    // The entry was logged a second before hour 72, so it counts in hour 71.
    expect(left.map((row) => row.hour.toISOString())).toEqual([at(71).toISOString()]);
    // Events go with them: only those within the retention are left, and the groups keep their states.
    const eventsAfter = await readEvents(store.db, workspaceId);
    expect(eventsAfter.map((event) => [event.kind, event.at.toISOString()])).toEqual([
      ["STATE_CHANGED", at(71).toISOString()],
      ["REGRESSED", at(72).toISOString()],
    ]);
    expect((await listGroups(store.db, workspaceId, {})).length).toBeGreaterThanOrEqual(5);
  });

  it("refuses bad changes naming the field, and unknown groups as NOT_FOUND", async () => {
    await expect(change("refused", 80, "SNOOZED")).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "snooze" },
    });
    await expect(change("refused", 80, "SNOOZED", { until: at(79) })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "snooze.until" },
    });
    await expect(change("refused", 80, "SNOOZED", { rate: { count: 5, hours: 0 } })).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "snooze.rate.hours" },
    });
    await expect(
      changeGroupState(store.db, {
        workspaceId,
        fingerprint: "0123456789abcdef",
        state: "RESOLVED",
        by: ALICE,
        now: at(80),
      }),
    ).rejects.toMatchObject({ extensions: { code: "NOT_FOUND", field: "fingerprint" } });
  });
});

describe("versioned fingerprints", () => {
  let store: TestTicketDb;
  beforeAll(async () => {
    store = await openTestInboxDb("pglite");
  });
  afterAll(async () => store?.drop());

  // A second version that no longer normalises numbers: it would split every stored group by its numbers.
  const v2: Fingerprinter = {
    version: 2,
    fingerprint: (source) => `v2:${source.flowId}:${source.stepId}:${source.message}`,
    pattern: (message) => message,
  };

  it("never splits a group stored under older rules; new problems get the newest version's fingerprint", async () => {
    const workspaceId = "ws-versions";
    const input = (hours: number, seen: Occurrence[]) => ({
      workspaceId,
      occurrences: seen,
      flowVersions: new Map<string, string>(),
      now: at(hours),
    });
    await recordCycle(store.db, input(1, occurrences("refused", 3, 1)), { rules: RULES });
    const events = await recordCycle(
      store.db,
      input(2, [...occurrences("refused", 4, 2), ...occurrences("parse", 1, 2)]),
      { rules: RULES, fingerprinters: [...FINGERPRINTERS, v2] },
    );
    expect(events.map((event) => event.kind)).toEqual(["NEW"]);
    expect(events[0]?.fingerprint).toMatch(/^v2:/);
    const groups = await listGroups(store.db, workspaceId);
    expect(groups.map((group) => [group.fingerprintVersion, group.totalCount]).sort()).toEqual([
      [1, 7],
      [2, 1],
    ]);
  });
});
