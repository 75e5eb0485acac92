import type { LogEntry } from "../model/log-entry.js";

/** When each execution reached a step: its first entry there, per thread (or container run, or entry). */
export const executionStarts = (entries: readonly LogEntry[], stepId: string): number[] => {
  const first = new Map<string, number>();
  for (const entry of entries) {
    if (entry.stepId !== stepId) continue;
    const key = entry.threadId ?? entry.execId ?? entry.id;
    const at = Date.parse(entry.timestamp);
    const seen = first.get(key);
    if (seen === undefined || at < seen) first.set(key, at);
  }
  return [...first.values()].sort((a, b) => a - b);
};

/** The latest entry time of a step, or undefined when it logged nothing. */
export const lastLogAt = (entries: readonly LogEntry[], stepId: string): number | undefined => {
  let latest: number | undefined;
  for (const entry of entries) {
    if (entry.stepId !== stepId) continue;
    const at = Date.parse(entry.timestamp);
    if (latest === undefined || at > latest) latest = at;
  }
  return latest;
};
