import { stepMatcherOf } from "../flow/step-id.js";
import type { LogEntryData } from "./log-entry.type.js";
import type { LogFilter } from "./log-filter.input.js";

/** What the gateway must check of each log entry itself (the platform filters neither), or undefined for nothing. */
export const logMatcherOf = (
  filter: LogFilter | null | undefined,
): ((entry: LogEntryData) => boolean) | undefined => {
  const steps = stepMatcherOf(filter?.stepIds);
  const execution = filter?.executionId ?? undefined;
  if (!steps && !execution) return undefined;
  return (entry) =>
    (!steps || steps(entry.flowId, entry.stepId)) &&
    (!execution || entry.threadId === execution || entry.execId === execution);
};
