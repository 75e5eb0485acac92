import { isErrorLevel, type LogEntry } from "../model/log-entry.js";
import type { IsoDateTime } from "../model/platform.js";

/** Executions that must pass a step after a problem's last error before the problem counts as recovered. */
export const RUNS_TO_RECOVER = 2;

const executionOf = (entry: LogEntry): string => entry.threadId ?? entry.execId ?? entry.id;

/** One execution at one step: when it first logged there, and whether it logged an error there. */
interface StepRun {
  first: IsoDateTime;
  failed: boolean;
}

/** When a problem at a step recovered; undefined while it has not. */
export type RecoveryOf = (stepId: string, lastErrorAt: string) => IsoDateTime | undefined;

/**
 * Recoveries per problem, not per step: a problem whose last error at a step was at `lastErrorAt` recovered when
 * `RUNS_TO_RECOVER` executions passed the step after it, at the first of them. A step can fail anew for another
 * cause after the old one ended; the old problem still recovered.
 */
export const stepRecoveries = (logs: readonly LogEntry[]): RecoveryOf => {
  const runsByStep = new Map<string, Map<string, StepRun>>();
  for (const entry of logs) {
    const runs = runsByStep.get(entry.stepId) ?? new Map<string, StepRun>();
    runsByStep.set(entry.stepId, runs);
    const execution = executionOf(entry);
    const run = runs.get(execution);
    const failed = isErrorLevel(entry.level);
    if (!run) runs.set(execution, { first: entry.timestamp, failed });
    else {
      if (entry.timestamp < run.first) run.first = entry.timestamp;
      run.failed ||= failed;
    }
  }
  return (stepId, lastErrorAt) => {
    const after = Date.parse(lastErrorAt);
    const passed = [...(runsByStep.get(stepId)?.values() ?? [])]
      .filter((run) => !run.failed && Date.parse(run.first) > after)
      .map((run) => run.first)
      .sort();
    return passed.length >= RUNS_TO_RECOVER ? passed[0] : undefined;
  };
};
