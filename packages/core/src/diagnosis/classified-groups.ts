import { classifyError } from "../classify/classify-error.js";
import type { Classification } from "../classify/types.js";
import type { ErrorGroup } from "../grouping/error-group.js";
import { groupErrors } from "../grouping/error-grouper.js";
import { LOG_LEVELS, type LogEntry } from "../model/log-entry.js";

/** One problem of the flow in the window: its error group and the classification of its latest message. */
export interface ClassifiedGroup {
  readonly group: ErrorGroup<LogEntry>;
  readonly classification: Classification;
}

/**
 * Groups the error- and fatal-level entries per step and classifies each group by its latest message. Only the
 * text and the component are given to the classifier: flow and queue state are judged by the platform checks,
 * so that a full queue does not relabel every error of the flow.
 */
export const classifyGroups = (logs: readonly LogEntry[]): ClassifiedGroup[] =>
  groupErrors(logs, { minLevel: LOG_LEVELS.error }).map((group) => ({
    group,
    classification: classifyError({
      message: group.sample.message,
      ...(group.sample.componentName ? { componentName: group.sample.componentName } : {}),
    }),
  }));
