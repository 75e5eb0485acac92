import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import type { LogEntry } from "../model/log-entry.js";
import { createErrorGrouper, groupErrors } from "./error-grouper.js";
import { fingerprintError } from "./fingerprint-error.js";

const FLOW_A = "585918da586224001b96de89";
const FLOW_B = "5b0d1e6a3f2c4b0019a1e2f3";
let serial = 0;
const entry = (message: string, extra: Partial<LogEntry> = {}): LogEntry => {
  serial += 1;
  return {
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, "0")}`,
    timestamp: new Date(Date.UTC(2026, 10, 25, 3, 0, serial)).toISOString(),
    level: 50,
    message,
    workspaceId: "5a0000000000000000000001",
    flowId: FLOW_A,
    stepId: "step_2",
    execId: `${serial}`.padStart(32, "0"),
    ...extra,
  };
};

describe("groupErrors", () => {
  it("puts the same problem with other ids, numbers, times and hosts into one group", () => {
    const entries = [
      entry("connect ECONNREFUSED 10.0.0.12:8443 at 2026-11-25T03:13:27Z", { threadId: "t1" }),
      entry("connect ECONNREFUSED 10.0.7.1:443 at 2026-11-24T01:00:00Z", { threadId: "t2" }),
      entry("connect ECONNREFUSED 192.168.0.9:80 at 2026-11-23T09:09:09Z", { threadId: "t1" }),
    ];
    const [group, ...rest] = groupErrors(entries);
    expect(rest).toEqual([]);
    expect(group).toMatchObject({
      flowId: FLOW_A,
      stepId: "step_2",
      pattern: "connect ECONNREFUSED <ip> at <time>",
      count: 3,
      steps: ["step_2"],
      executionCount: 2,
      executionIds: ["t1", "t2"],
      fingerprint: fingerprintError(entries[0] as LogEntry),
    });
  });

  it("keeps different statuses, field names and error classes apart", () => {
    const groups = groupErrors([
      entry("Code: 401 Message: Unauthorized Body: {}"),
      entry("Code: 403 Message: Forbidden Body: {}"),
      entry('"email" is required'),
      entry('"name" is required'),
      entry("TypeError: x.map is not a function"),
      entry("RangeError: x.map is not a function"),
    ]);
    expect(groups).toHaveLength(6);
  });

  it("keeps different steps and flows apart, unless grouping per flow", () => {
    const entries = [
      entry("Rebound limit exceeded", { stepId: "step_1" }),
      entry("Rebound limit exceeded", { stepId: "step_3" }),
      entry("Rebound limit exceeded", { flowId: FLOW_B, stepId: "step_1" }),
    ];
    expect(groupErrors(entries)).toHaveLength(3);
    const perFlow = groupErrors(entries, { scope: "flow" });
    expect(perFlow.map((g) => [g.flowId, g.stepId, g.count, g.steps])).toEqual([
      [FLOW_B, undefined, 1, ["step_1"]],
      [FLOW_A, undefined, 2, ["step_1", "step_3"]],
    ]);
  });

  it("tracks first and last seen whatever the order, and samples the latest entry", () => {
    const late = entry("socket hang up", { timestamp: "2026-11-25T10:00:00.000Z" });
    const early = entry("socket hang up", { timestamp: "2026-11-20T10:00:00+02:00" });
    const middle = entry("socket hang up", { timestamp: "2026-11-22T10:00:00.000Z" });
    const [group] = groupErrors([middle, late, early]);
    expect(group?.firstSeen).toBe("2026-11-20T08:00:00.000Z");
    expect(group?.lastSeen).toBe("2026-11-25T10:00:00.000Z");
    expect(group?.sample).toBe(late);
  });

  it("sorts by last seen, latest first; then by count", () => {
    const groups = groupErrors([
      entry("old problem", { timestamp: "2026-11-01T00:00:00Z" }),
      entry("new problem", { timestamp: "2026-11-20T00:00:00Z" }),
      entry("rare problem", { timestamp: "2026-11-10T00:00:00Z" }),
      entry("frequent problem", { timestamp: "2026-11-10T00:00:00Z" }),
      entry("frequent problem", { timestamp: "2026-11-09T00:00:00Z" }),
    ]);
    expect(groups.map((g) => g.pattern)).toEqual([
      "new problem",
      "frequent problem",
      "rare problem",
      "old problem",
    ]);
  });

  it("falls back to exec ids, lists at most maxExecutionIds and skips levels below minLevel", () => {
    const entries = [1, 2, 3].map((n) => entry("boom", { execId: `exec-${n}` }));
    entries.push(entry("boom", { level: 30, execId: "exec-info" }));
    const [group] = groupErrors(entries, { maxExecutionIds: 2, minLevel: 50 });
    expect(group?.count).toBe(3);
    expect(group?.executionCount).toBe(3);
    expect(group?.executionIds).toEqual(["exec-1", "exec-2"]);
  });

  it("keeps each group's entries in the order added only when asked, skipping those below minLevel", () => {
    const entries = [entry("boom 1"), entry("other"), entry("boom 2"), entry("boom 3", { level: 30 })];
    const groups = groupErrors(entries, { keepEntries: true, minLevel: 50 });
    const boom = groups.find((group) => group.pattern === "boom <n>");
    expect(boom?.entries).toEqual([entries[0], entries[2]]);
    expect(boom?.entries?.[0]).toBe(entries[0]);
    expect(groupErrors(entries).every((group) => group.entries === undefined)).toBe(true);
  });

  it("returns no groups for no entries", () => {
    expect(groupErrors([])).toEqual([]);
  });
});

describe("createErrorGrouper", () => {
  it("gives the same groups fed one page at a time as all at once", () => {
    const entries = ["a 1", "b 2", "a 3", "c", "b 9"].map((m) => entry(m, { threadId: m }));
    const grouper = createErrorGrouper();
    grouper.addAll(entries.slice(0, 2));
    expect(grouper.size).toBe(2);
    grouper.addAll(entries.slice(2));
    expect(grouper.groups()).toEqual(groupErrors(entries));
  });

  it("rejects invalid options and entries, naming the field and the rule", () => {
    const expectCode = (work: () => unknown, text: string) => {
      try {
        work();
        expect.unreachable();
      } catch (error) {
        expect(isCoreError(error) && error.code).toBe("CORE_INVALID_INPUT");
        expect((error as Error).message).toContain(text);
      }
    };
    expectCode(() => createErrorGrouper({ scope: "step " as "step" }), "options.scope");
    expectCode(() => createErrorGrouper({ maxExecutionIds: -1 }), "options.maxExecutionIds");
    expectCode(() => createErrorGrouper({ minLevel: Number.NaN }), "options.minLevel");
    expectCode(() => createErrorGrouper({ keepEntries: "yes" as unknown as boolean }), "options.keepEntries");
    expectCode(
      () => groupErrors([entry("x", { timestamp: "yesterday" })]),
      "entry.timestamp must be an ISO-8601",
    );
    expectCode(
      () => groupErrors([{ ...entry("x"), stepId: 3 as unknown as string }]),
      "entry.stepId must be a string",
    );
  });
});
