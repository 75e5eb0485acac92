import { stepsInExecutionOrder } from "../model/flow-graph.js";
import { isErrorLevel, type LogEntry } from "../model/log-entry.js";
import type { Flow, FlowQueueStats, IsoDateTime, StepQueueStats } from "../model/platform.js";
import type { StepState, StepWalk, WalkThrough } from "./diagnosis.js";

/** A step with messages waiting and no log for this long counts as stuck. */
const STUCK_AFTER_MS = 15 * 60_000;

const executionOf = (entry: LogEntry): string | undefined => entry.threadId ?? entry.execId;

interface StepLogs {
  readonly lastLogAt?: IsoDateTime;
  readonly reached: Set<string>;
  readonly failed: Set<string>;
}

const indexByStep = (logs: readonly LogEntry[]): Map<string, StepLogs> => {
  const byStep = new Map<string, { lastLogAt?: IsoDateTime; reached: Set<string>; failed: Set<string> }>();
  for (const entry of logs) {
    let step = byStep.get(entry.stepId);
    if (!step) {
      step = { reached: new Set(), failed: new Set() };
      byStep.set(entry.stepId, step);
    }
    if (!step.lastLogAt || entry.timestamp > step.lastLogAt) step.lastLogAt = entry.timestamp;
    const execution = executionOf(entry);
    if (execution === undefined) continue;
    step.reached.add(execution);
    if (isErrorLevel(entry.level)) step.failed.add(execution);
  }
  return byStep;
};

const latestError = (logs: readonly LogEntry[]): LogEntry | undefined => {
  let latest: LogEntry | undefined;
  for (const entry of logs) {
    if (isErrorLevel(entry.level) && (!latest || entry.timestamp > latest.timestamp)) latest = entry;
  }
  return latest;
};

const isStuck = (
  queue: StepQueueStats | undefined,
  lastLogAt: IsoDateTime | undefined,
  now: IsoDateTime,
): boolean =>
  queue !== undefined &&
  queue.ready > 0 &&
  (!lastLogAt || Date.parse(now) - Date.parse(lastLogAt) > STUCK_AFTER_MS);

const firstErrorOf = (
  logs: readonly LogEntry[],
  stepId: string,
  execution: string | undefined,
): LogEntry | undefined => {
  let first: LogEntry | undefined;
  for (const entry of logs) {
    if (entry.stepId !== stepId || !isErrorLevel(entry.level)) continue;
    if (execution !== undefined && executionOf(entry) !== execution) continue;
    if (!first || entry.timestamp < first.timestamp) first = entry;
  }
  return first;
};

/**
 * The guide's manual go-through: the flow's steps in execution order, each with its state in the most recent failing
 * execution (over the whole window when nothing failed), its last log, first error, and queue.
 */
export const walkThrough = (
  flow: Flow,
  logs: readonly LogEntry[],
  queues: FlowQueueStats | undefined,
  now: IsoDateTime,
): WalkThrough => {
  const byStep = indexByStep(logs);
  const failing = latestError(logs);
  const execution = failing ? executionOf(failing) : undefined;
  const queueByStep = new Map(queues?.steps.map((stats) => [stats.stepId, stats]));
  let broken = false;
  const steps = stepsInExecutionOrder(flow.graph).map((node): StepWalk => {
    const logsOfStep = byStep.get(node.id);
    const queue = queueByStep.get(node.id);
    const inExecution = (set: Set<string> | undefined) =>
      execution === undefined ? (set?.size ?? 0) > 0 : (set?.has(execution) ?? false);
    let state: StepState;
    if (inExecution(logsOfStep?.failed)) state = "FAILED";
    else if (isStuck(queue, logsOfStep?.lastLogAt, now)) state = "STUCK";
    else if (inExecution(logsOfStep?.reached)) state = "SUCCEEDED";
    else state = broken ? "NOT_REACHED" : "IDLE";
    if (state === "FAILED" || state === "STUCK") broken = true;
    const firstError = firstErrorOf(logs, node.id, execution);
    return {
      stepId: node.id,
      name: node.name,
      command: node.command,
      state,
      ...(logsOfStep?.lastLogAt ? { lastLogAt: logsOfStep.lastLogAt } : {}),
      ...(firstError ? { firstError: { at: firstError.timestamp, message: firstError.message } } : {}),
      executionsReached: logsOfStep?.reached.size ?? 0,
      executionsFailed: logsOfStep?.failed.size ?? 0,
      ...(queue ? { queue } : {}),
    };
  });
  const firstFailing = steps.find((step) => step.state === "FAILED" || step.state === "STUCK");
  return {
    ...(execution === undefined ? {} : { executionId: execution }),
    steps,
    ...(firstFailing ? { firstFailingStepId: firstFailing.stepId } : {}),
  };
};
