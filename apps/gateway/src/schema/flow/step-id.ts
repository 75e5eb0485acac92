// The platform names steps `step_1`, `step_2`… in every flow, so its step id alone is no key for a client's
// normalised cache (Apollo Client, urql Graphcache, Relay). `FlowStep.id` is therefore `<flowId>:<stepId>`, and
// every argument that takes a step id accepts that form too.

const SEPARATOR = ":";

/** A step reference as a client may send it: the platform's step id, with the flow when the global form was used. */
export interface StepRef {
  readonly flowId?: string;
  readonly stepId: string;
}

/** `FlowStep.id`: unique across flows. */
export const globalStepId = (flowId: string, stepId: string): string => `${flowId}${SEPARATOR}${stepId}`;

/** Reads `step_2` or `<flowId>:step_2` (a `FlowStep.id`). */
export const parseStepRef = (value: string): StepRef => {
  const at = value.indexOf(SEPARATOR);
  if (at <= 0) return { stepId: value };
  return { flowId: value.slice(0, at), stepId: value.slice(at + SEPARATOR.length) };
};

/** The platform's step id of either form. */
export const platformStepId = (value: string): string => parseStepRef(value).stepId;

/**
 * Whether a log entry or error at `flowId`/`stepId` is one of the listed steps: a bare step id names that step in
 * every flow, a `FlowStep.id` only in its own flow. Undefined when the list is empty (no step filter).
 */
export const stepMatcherOf = (
  values: readonly string[] | null | undefined,
): ((flowId: string, stepId: string) => boolean) | undefined => {
  if (!values?.length) return undefined;
  const anyFlow = new Set<string>();
  const inFlow = new Set<string>();
  for (const ref of values.map(parseStepRef)) {
    if (ref.flowId === undefined) anyFlow.add(ref.stepId);
    else inFlow.add(globalStepId(ref.flowId, ref.stepId));
  }
  return (flowId, stepId) => anyFlow.has(stepId) || inFlow.has(globalStepId(flowId, stepId));
};
