import { parseComponentCommand, stepsInExecutionOrder, triggerStep } from "../model/flow-graph.js";
import type { LogEntry } from "../model/log-entry.js";
import type { Flow, FlowQueueStats, IsoDateTime } from "../model/platform.js";
import { executionStarts, lastLogAt } from "./activity.js";
import { type CronSchedule, cronTimes, parseCron } from "./cron.js";
import type { FlowHealth, FlowHealthStatus } from "./flow-health.js";
import { countByHour, expectHour, hasWeekendRhythm } from "./rhythm.js";

/** What `assessFlowHealth` reads for one flow. */
export interface FlowHealthInput {
  readonly flow: Flow;
  /** The flow's entries (any level) from `historyStart` to `now`. */
  readonly logs: readonly LogEntry[];
  /** Where the logs read begin: 14 days back, or later when the platform's history or the read was shorter. */
  readonly historyStart: IsoDateTime;
  readonly now: IsoDateTime;
  readonly queues?: FlowQueueStats;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A quiet span is flagged when the baseline gives it less than this chance of happening by itself. */
const QUIET_CHANCE = 0.01;
/** ...and it spans at least this many hours in which the flow is nearly always busy: bursty flows never are. */
const BUSY_SHARE = 0.7;
const MIN_BUSY_HOURS = 2;
/** The baseline needs this many comparable days. */
const MIN_DAYS = 3;
/** A schedule explains the logs when at least this share of its runs were seen. */
const SCHEDULE_FIT = 0.9;
const STUCK_MIN_MESSAGES = 3;
/** A drop is judged over the last hours: this many, against the same hours of comparable earlier days. */
const DROP_WINDOW_HOURS = 6;
/** ...when those hours normally hold at least this many messages, on at least this many comparable days... */
const DROP_MIN_EXPECTED = 30;
const DROP_MIN_DAYS = 5;
/** ...and now hold at most this share of their mean, and under half of the quietest comparable day. */
const DROP_SHARE = 0.25;
const STUCK_MIN_SILENCE_MS = 30 * 60_000;

const iso = (ms: number): string => new Date(ms).toISOString();

interface Context {
  readonly input: FlowHealthInput;
  readonly nowMs: number;
  readonly startMs: number;
  readonly triggerId: string;
  readonly starts: readonly number[];
}

const health = (
  context: Context,
  status: FlowHealthStatus,
  fields: Omit<FlowHealth, "flowId" | "flowName" | "status" | "flagged">,
): FlowHealth => ({
  flowId: context.input.flow.id,
  flowName: context.input.flow.name,
  status,
  flagged:
    status === "STUCK_CONSUMER" ||
    status === "MISSED_RUN" ||
    status === "INTAKE_STOPPED" ||
    status === "WENT_QUIET" ||
    status === "VOLUME_DROPPED",
  ...fields,
});

const historyDays = (context: Context): number => Math.floor((context.nowMs - context.startMs) / DAY_MS);

/** A step whose queue fills with what its upstream sent while it logs nothing. */
const stuckConsumer = (context: Context): FlowHealth | undefined => {
  const { flow, logs, queues } = context.input;
  if (!queues) return undefined;
  for (const step of stepsInExecutionOrder(flow.graph).slice(1)) {
    const queue = queues.steps.find((stats) => stats.stepId === step.id);
    if (!queue || queue.ready + queue.unacked === 0) continue;
    const silentSince = lastLogAt(logs, step.id) ?? context.startMs;
    if (context.nowMs - silentSince < STUCK_MIN_SILENCE_MS) continue;
    const upstream = flow.graph.edges.filter((edge) => edge.target === step.id && edge.source !== null);
    const sent = upstream.reduce(
      (sum, edge) =>
        sum + executionStarts(logs, edge.source as string).filter((at) => at > silentSince).length,
      0,
    );
    if (sent < STUCK_MIN_MESSAGES) continue;
    const waiting = queue.ready + queue.unacked;
    return health(context, "STUCK_CONSUMER", {
      baseline: "RHYTHM",
      baselineDays: historyDays(context),
      expected: sent,
      seen: 0,
      since: iso(silentSince),
      stepId: step.id,
      confidence: waiting >= Math.min(sent, 10) ? 0.95 : 0.75,
      summary: `${step.id} (${step.name}) has logged nothing since ${iso(silentSince)} while ${sent} messages were sent to it; ${waiting} wait in its queue: its consumer is stuck.`,
    });
  }
  return undefined;
};

const scheduleOf = (flow: Flow): CronSchedule | undefined => (flow.cron ? parseCron(flow.cron) : undefined);

/** Runs of a timer flow against its cron: the first scheduled run missed since the last one seen. */
const missedRun = (context: Context, schedule: CronSchedule): FlowHealth | "UNFIT" => {
  const { starts, nowMs } = context;
  const scheduled = cronTimes(schedule, context.startMs, nowMs);
  if (scheduled.length < 2 || starts.length === 0) return "UNFIT";
  const interval = Math.max(
    60_000,
    ((scheduled.at(-1) ?? 0) - (scheduled[0] ?? 0)) / Math.max(1, scheduled.length - 1),
  );
  const tolerance = Math.min(interval / 2, 15 * 60_000);
  const ranAt = (at: number) => {
    const index = lowerBound(starts, at - 60_000);
    return index < starts.length && (starts[index] as number) <= at + tolerance;
  };
  const due = scheduled.filter((at) => at + tolerance < nowMs && at >= (starts[0] as number) - 60_000);
  const hits = due.filter(ranAt).length;
  if (due.length === 0 || hits / due.length < SCHEDULE_FIT) return "UNFIT";
  const lastRun = starts.at(-1) as number;
  const missed = due.filter((at) => at > lastRun + tolerance);
  const base = { baseline: "SCHEDULE" as const, baselineDays: historyDays(context) };
  if (missed.length === 0)
    return health(context, "OK", {
      ...base,
      expected: due.length,
      seen: hits,
      confidence: hits / due.length,
      summary: `Ran ${hits} of ${due.length} scheduled runs (${context.input.flow.cron}); none is missing.`,
    });
  const fit = hits / due.length;
  return health(context, "MISSED_RUN", {
    ...base,
    expected: missed.length,
    seen: 0,
    since: iso(missed[0] as number),
    confidence: Math.min(0.99, 1 - (1 - fit) ** missed.length),
    summary: `The scheduled run${missed.length === 1 ? "" : "s"} since ${iso(missed[0] as number)} (${missed.length}, cron ${context.input.flow.cron}) did not happen; the last run was at ${iso(lastRun)}.`,
  });
};

const lowerBound = (sorted: readonly number[], value: number): number => {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
};

const isWebhook = (context: Context): boolean => {
  const trigger = context.input.flow.graph.nodes.find((node) => node.id === context.triggerId);
  const command = trigger ? parseComponentCommand(trigger.command) : undefined;
  return command?.repo.includes("webhook") === true || command?.function === "receive";
};

const countBetween = (sorted: readonly number[], fromMs: number, toMs: number): number =>
  lowerBound(sorted, toMs) - lowerBound(sorted, fromMs);

/**
 * A flow that still runs, but far below what the same hours of every comparable earlier day held: comparing with the
 * quietest of those days (not a mean and a spread) keeps bursty and seasonal flows from being flagged.
 */
const droppedVolume = (context: Context, splitWeekends: boolean): FlowHealth | undefined => {
  const { starts, nowMs, startMs } = context;
  const windowMs = DROP_WINDOW_HOURS * HOUR_MS;
  const isWeekendAt = (ms: number) => [0, 6].includes(new Date(ms - 1).getUTCDay());
  const totals: number[] = [];
  for (let end = nowMs - DAY_MS; end - windowMs >= startMs; end -= DAY_MS)
    if (!splitWeekends || isWeekendAt(end) === isWeekendAt(nowMs))
      totals.push(countBetween(starts, end - windowMs, end));
  if (totals.length < DROP_MIN_DAYS) return undefined;
  const mean = totals.reduce((sum, total) => sum + total, 0) / totals.length;
  const seen = countBetween(starts, nowMs - windowMs, nowMs);
  if (mean < DROP_MIN_EXPECTED || seen > DROP_SHARE * mean || seen * 2 >= Math.min(...totals))
    return undefined;
  const since = iso(nowMs - windowMs);
  return health(context, "VOLUME_DROPPED", {
    baseline: "RHYTHM",
    baselineDays: historyDays(context),
    expected: Math.round(mean),
    seen,
    since,
    confidence: Math.min(0.95, 1 - 1 / (totals.length + 1)),
    summary: `${seen} messages in the ${DROP_WINDOW_HOURS} hours since ${since}, where ${totals.length} comparable days held ${Math.min(...totals)} to ${Math.max(...totals)} (about ${Math.round(mean)}): it runs at ${Math.round((seen / mean) * 100)} % of its rhythm.`,
  });
};

/** Silence since the last message against what the same hours of comparable days held. */
const quietAgainstRhythm = (context: Context): FlowHealth => {
  const { starts, nowMs, startMs } = context;
  const base = { baseline: "RHYTHM" as const, baselineDays: historyDays(context) };
  const lastMs = starts.at(-1);
  if (lastMs === undefined || historyDays(context) < MIN_DAYS)
    return health(context, "TOO_LITTLE_HISTORY", {
      ...base,
      expected: 0,
      seen: starts.length,
      confidence: 0,
      summary: `Only ${historyDays(context)} days of history and ${starts.length} messages: too little to know the flow's rhythm.`,
    });
  const counts = countByHour(starts);
  const splitWeekends = hasWeekendRhythm(starts, startMs, lastMs);
  let chance = 1;
  let expected = 0;
  let busyHours = 0;
  let judged = 0;
  // Whole hours after the last message, up to the current (incomplete) hour.
  for (let hour = (Math.floor(lastMs / HOUR_MS) + 1) * HOUR_MS; hour + HOUR_MS <= nowMs; hour += HOUR_MS) {
    const expectation = expectHour(hour, counts, startMs, lastMs, splitWeekends);
    if (expectation.days < MIN_DAYS) continue;
    judged += 1;
    chance *= 1 - expectation.activeShare;
    expected += expectation.mean;
    if (expectation.activeShare >= BUSY_SHARE) busyHours += 1;
  }
  const quiet = chance < QUIET_CHANCE && busyHours >= MIN_BUSY_HOURS;
  const since = iso(lastMs);
  if (!quiet)
    return (
      droppedVolume(context, splitWeekends) ??
      health(context, "OK", {
        ...base,
        expected: Math.round(expected),
        seen: 0,
        since,
        confidence: judged === 0 ? 0.5 : 1 - chance,
        summary:
          judged === 0
            ? `Last message at ${since}; the hours since are within its normal rhythm.`
            : `Last message at ${since}; its rhythm makes a gap this long ordinary (a ${Math.round(chance * 100)} % chance).`,
      })
    );
  const webhook = isWebhook(context);
  return health(context, webhook ? "INTAKE_STOPPED" : "WENT_QUIET", {
    ...base,
    expected: Math.max(1, Math.round(expected)),
    seen: 0,
    since,
    confidence: Math.min(0.999, 1 - chance),
    summary: `${webhook ? "The webhook has received nothing" : "No message"} since ${since}: its rhythm of the last ${historyDays(context)} days expects about ${Math.max(1, Math.round(expected))} in those hours.`,
  });
};

/**
 * One flow's activity against its own baseline from its logs (and queue stats): a step that stopped consuming, a
 * scheduled run that did not happen (timer flows whose cron fits their logs), or silence that its rhythm by hour of
 * day and weekday/weekend makes improbable (a webhook's intake, any other flow). Nights, weekends and bursty flows
 * stay OK: an hour counts only as much as comparable earlier hours were busy.
 */
export const assessFlowHealth = (input: FlowHealthInput): FlowHealth => {
  const nowMs = Date.parse(input.now);
  // A flow younger than the history has only its own days to learn from.
  const startMs = Math.max(Date.parse(input.historyStart), Date.parse(input.flow.createdAt) || 0);
  const trigger = triggerStep(input.flow.graph);
  const triggerId = trigger?.id ?? "step_1";
  const context: Context = {
    input,
    nowMs,
    startMs,
    triggerId,
    starts: executionStarts(input.logs, triggerId),
  };
  if (input.flow.status !== "active")
    return health(context, "NOT_RUNNING", {
      baseline: "RHYTHM",
      baselineDays: historyDays(context),
      expected: 0,
      seen: context.starts.length,
      confidence: 1,
      summary: `The flow is ${input.flow.status}: silence is expected.`,
    });
  const stuck = stuckConsumer(context);
  if (stuck) return stuck;
  const schedule = scheduleOf(input.flow);
  if (schedule) {
    const judged = missedRun(context, schedule);
    if (judged !== "UNFIT") return judged;
  }
  return quietAgainstRhythm(context);
};
