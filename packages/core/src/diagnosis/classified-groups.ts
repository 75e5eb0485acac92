import { classifyError } from "../classify/classify-error.js";
import type { Classification } from "../classify/types.js";
import type { ErrorGroup } from "../grouping/error-group.js";
import { groupErrors } from "../grouping/error-grouper.js";
import { stepFieldsOf } from "../model/flow-graph.js";
import { LOG_LEVELS, type LogEntry } from "../model/log-entry.js";
import type { Flow } from "../model/platform.js";

/** One problem of the flow in the window: its error group and the classification of its latest message. */
export interface ClassifiedGroup {
  readonly group: ErrorGroup<LogEntry>;
  readonly classification: Classification;
}

/**
 * Groups the error- and fatal-level entries per step and classifies each group by its latest message. The text,
 * the component and the step's fields (when its flow is among `flows`) are given to the classifier: flow and queue state
 * are judged by the platform checks, so that a full queue does not relabel every error of the flow.
 */
export const classifyGroups = (logs: readonly LogEntry[], flows: readonly Flow[] = []): ClassifiedGroup[] => {
  const byId = new Map(flows.map((flow) => [flow.id, flow]));
  return groupErrors(logs, { minLevel: LOG_LEVELS.error }).map((group) => {
    const flow = byId.get(group.sample.flowId);
    const stepFields = flow && stepFieldsOf(flow.graph, group.sample.stepId);
    return {
      group,
      classification: classifyError({
        message: group.sample.message,
        ...(group.sample.componentName ? { componentName: group.sample.componentName } : {}),
        ...(stepFields ? { context: { stepFields } } : {}),
      }),
    };
  });
};
