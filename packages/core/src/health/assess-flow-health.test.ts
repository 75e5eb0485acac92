import { describe, expect, it } from "vitest";
import type { LogEntry } from "../model/log-entry.js";
import type { Flow, FlowQueueStats } from "../model/platform.js";
import { assessFlowHealth } from "./assess-flow-health.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A Wednesday 14:20 UTC; every series below is built relative to it.
const NOW = Date.UTC(2031, 5, 11, 14, 20);

const flow = (extra: Partial<Flow> = {}, trigger = "elasticio/webhook:receive"): Flow => ({
  id: "f".repeat(24),
  name: "Orders",
  description: null,
  type: "ordinary",
  status: "active",
  currentStatus: "active",
  workspaceId: "w".repeat(24),
  authorId: "u".repeat(24),
  cron: null,
  createdAt: new Date(NOW - 60 * DAY).toISOString(),
  updatedAt: new Date(NOW - 60 * DAY).toISOString(),
  graph: {
    nodes: [
      { id: "step_1", componentId: "c".repeat(24), command: trigger, name: "Trigger" },
      { id: "step_2", componentId: "d".repeat(24), command: "elasticio/rest:call", name: "Call" },
    ],
    edges: [{ source: "step_1", target: "step_2" }],
  },
  nodesConfig: {},
  ...extra,
});

let sequence = 0;
/** One execution through both steps at `at`, unless the second step is past `stuckFrom`. */
const run = (at: number, stuckFrom = Number.POSITIVE_INFINITY): LogEntry[] => {
  sequence += 1;
  const entry = (stepId: string, ms: number): LogEntry => ({
    id: `e${sequence}-${stepId}`,
    timestamp: new Date(ms).toISOString(),
    level: 30,
    message: "ok",
    workspaceId: "w".repeat(24),
    flowId: "f".repeat(24),
    stepId,
    threadId: `t${sequence}`,
  });
  return at + 500 < stuckFrom ? [entry("step_1", at), entry("step_2", at + 500)] : [entry("step_1", at)];
};

/** Runs every `everyMinutes` (from `first`) over 14 days where `active(ms)` holds, up to `end - silentHours`. */
const series = (
  everyMinutes: number,
  active: (ms: number) => boolean,
  silentHours = 0,
  stuckFrom?: number,
  window: { end?: number; first?: number } = {},
) => {
  const end = window.end ?? NOW;
  const first = window.first ?? end - 14 * DAY;
  const logs: LogEntry[] = [];
  for (let at = first; at < end - silentHours * HOUR; at += everyMinutes * 60_000)
    if (active(at)) logs.push(...run(at, stuckFrom));
  return logs;
};

const assess = (logs: LogEntry[], extra: Partial<Flow> = {}, queues?: FlowQueueStats, trigger?: string) =>
  assessFlowHealth({
    flow: flow(extra, trigger),
    logs,
    historyStart: new Date(NOW - 14 * DAY).toISOString(),
    now: new Date(NOW).toISOString(),
    ...(queues ? { queues } : {}),
  });

const always = () => true;
const officeHours = (ms: number) => {
  const date = new Date(ms);
  return date.getUTCDay() % 6 !== 0 && date.getUTCHours() >= 8 && date.getUTCHours() < 18;
};

describe("assessFlowHealth", () => {
  it("flags a webhook whose round-the-clock intake stopped, with expected, seen and since", () => {
    const health = assess(series(10, always, 3));
    expect(health).toMatchObject({ status: "INTAKE_STOPPED", flagged: true, baseline: "RHYTHM", seen: 0 });
    expect(health.expected).toBeGreaterThanOrEqual(12);
    expect(Date.parse(health.since ?? "")).toBeLessThanOrEqual(NOW - 3 * HOUR);
    expect(health.confidence).toBeGreaterThan(0.99);
  });

  it("calls the same silence WENT_QUIET for a flow that is not a webhook", () => {
    expect(assess(series(10, always, 3), {}, undefined, "elasticio/amqp:consume").status).toBe("WENT_QUIET");
  });

  it("keeps a short gap of a busy flow OK", () => {
    expect(assess(series(10, always, 0.5)).status).toBe("OK");
  });

  it("does not flag office-hours flows at night or on the weekend", () => {
    // Silence since Friday 18:00, judged on the Saturday and on the Monday before 8:00.
    for (const offsetDays of [3, 5]) {
      const now = NOW + offsetDays * DAY - 6 * HOUR;
      const logs = series(10, officeHours, 0, undefined, { end: now });
      const health = assessFlowHealth({
        flow: flow(),
        logs,
        historyStart: new Date(now - 14 * DAY).toISOString(),
        now: new Date(now).toISOString(),
      });
      expect(health.status, new Date(now).toISOString()).toBe("OK");
    }
  });

  it("flags a flow that still runs at a fraction of its rhythm, with expected and seen", () => {
    const dropFrom = { end: NOW - 6 * HOUR };
    const logs = [
      ...series(10, always, 0, undefined, dropFrom),
      ...series(60, always, 0, undefined, { first: NOW - 6 * HOUR }),
    ];
    const health = assess(logs, {}, undefined, "elasticio/amqp:consume");
    expect(health).toMatchObject({ status: "VOLUME_DROPPED", flagged: true, expected: 36, seen: 6 });
    expect(health.since).toBe(new Date(NOW - 6 * HOUR).toISOString());
    expect(health.confidence).toBeGreaterThan(0.9);
  });

  it("keeps a flow OK whose volume only halved, or varies from day to day as much as today", () => {
    const halved = [
      ...series(10, always, 0, undefined, { end: NOW - 6 * HOUR }),
      ...series(20, always, 0, undefined, { first: NOW - 6 * HOUR }),
    ];
    expect(assess(halved).status).toBe("OK");
    // Every third day runs at a sixth of the others' pace: today's low is one the flow has had before.
    const slowDay = (ms: number) => Math.floor((NOW - ms) / DAY) % 3 === 0;
    const varying = [...series(5, (ms) => !slowDay(ms)), ...series(30, slowDay)];
    expect(assess(varying).status).toBe("OK");
  });

  it("does not flag a bursty flow between bursts", () => {
    const burstDays = new Set([1, 4, 9, 12]);
    const logs = series(
      5,
      (ms) => burstDays.has(Math.floor((NOW - ms) / DAY)) && new Date(ms).getUTCHours() === 10,
    );
    expect(assess(logs).status).toBe("OK");
  });

  it("flags a missed scheduled run when the cron explains the logs, and keeps a punctual one OK", () => {
    const onTheHour = { first: NOW - 14 * DAY - 20 * 60_000 + 30_000 };
    const hourly = series(60, always, 2.5, undefined, onTheHour);
    const missed = assess(hourly, { cron: "0 * * * *" }, undefined, "elasticio/timer:timer");
    expect(missed).toMatchObject({ status: "MISSED_RUN", baseline: "SCHEDULE", expected: 3, seen: 0 });
    expect(new Date(missed.since ?? "").getUTCMinutes()).toBe(0);
    const punctual = assess(
      series(60, always, 0, undefined, onTheHour),
      { cron: "0 * * * *" },
      undefined,
      "elasticio/timer:timer",
    );
    expect(punctual).toMatchObject({ status: "OK", baseline: "SCHEDULE" });
  });

  it("falls back to the rhythm when the cron does not fit the logs", () => {
    const health = assess(series(60, always), { cron: "*/7 * * * *" }, undefined, "elasticio/timer:timer");
    expect(health.baseline).toBe("RHYTHM");
  });

  it("flags a step that stopped consuming while its queue fills, and not one that keeps up", () => {
    const stuckFrom = NOW - 2 * HOUR;
    const queues = {
      flowId: "f".repeat(24),
      steps: [{ stepId: "step_2", total: 9, ready: 9, unacked: 0, rebounds: 0 }],
    };
    const stuck = assess(series(10, always, 0, stuckFrom), {}, queues);
    expect(stuck).toMatchObject({ status: "STUCK_CONSUMER", stepId: "step_2", flagged: true });
    expect(stuck.expected).toBeGreaterThanOrEqual(11);
    expect(assess(series(10, always), {}, queues).status).toBe("OK");
  });

  it("says so instead of guessing with too little history, and leaves stopped flows alone", () => {
    const young = series(10, (ms) => ms > NOW - 2 * DAY, 3);
    expect(assess(young, { createdAt: new Date(NOW - 2 * DAY).toISOString() }).status).toBe(
      "TOO_LITTLE_HISTORY",
    );
    expect(assess([], { status: "inactive" })).toMatchObject({ status: "NOT_RUNNING", flagged: false });
  });
});
