import { isErrorLevel, type LogEntry } from "../model/log-entry.js";
import type { IsoDateTime } from "../model/platform.js";

/** Executions that must pass a step after its last error before the step counts as recovered. */
export const RUNS_TO_RECOVER = 2;

const executionOf = (entry: LogEntry): string => entry.threadId ?? entry.execId ?? entry.id;

/**
 * When each step recovered: the first log of the executions that passed it after its last error, once at least
 * `RUNS_TO_RECOVER` of them did. A step missing from the answer is still failing (or never failed).
 */
export const stepRecoveries = (logs: readonly LogEntry[]): ReadonlyMap<string, IsoDateTime> => {
  const lastError = new Map<string, LogEntry>();
  for (const entry of logs) {
    const known = lastError.get(entry.stepId);
    if (isErrorLevel(entry.level) && (!known || entry.timestamp > known.timestamp))
      lastError.set(entry.stepId, entry);
  }
  const laterRuns = new Map<string, Map<string, IsoDateTime>>();
  for (const entry of logs) {
    const error = lastError.get(entry.stepId);
    if (!error || entry.timestamp <= error.timestamp) continue;
    const execution = executionOf(entry);
    if (execution === executionOf(error)) continue;
    const runs = laterRuns.get(entry.stepId) ?? new Map<string, IsoDateTime>();
    const first = runs.get(execution);
    if (!first || entry.timestamp < first) runs.set(execution, entry.timestamp);
    laterRuns.set(entry.stepId, runs);
  }
  const recoveries = new Map<string, IsoDateTime>();
  for (const [stepId, runs] of laterRuns) {
    if (runs.size >= RUNS_TO_RECOVER) recoveries.set(stepId, [...runs.values()].sort()[0] as IsoDateTime);
  }
  return recoveries;
};
