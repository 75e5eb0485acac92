import { readStack } from "../classify/stack-frames.js";
import type { LogEntry } from "../model/log-entry.js";
import type { IsoDateTime } from "../model/platform.js";
import { shortenRedacted } from "../redaction/shorten-redacted.js";
import type { Cause } from "../taxonomy/taxonomy.js";
import type { ClassifiedGroup } from "./classified-groups.js";
import type { CheckName, Finding } from "./diagnosis.js";
import { evidence, makeFinding } from "./make-finding.js";
import { stepRecoveries } from "./step-recovery.js";

/** Which runbook check owns a cause found in the logs. */
export const checkOfCause = (cause: Cause): CheckName => {
  switch (cause) {
    case "SYSTEM_DOWNTIME":
    case "RATE_LIMITED":
    case "REBOUND_EXHAUSTED":
      return "downtime";
    case "INVALID_CREDENTIALS":
      return "credentials";
    case "MAPPING":
    case "ANSWER_STRUCTURE":
      return "mapping";
    case "COMPONENT_ERROR":
      return "component";
    case "COMPONENT_FAILED_TO_START":
    case "OUT_OF_MEMORY":
    case "MESSAGE_TOO_LARGE":
    case "QUEUE_OVERFLOW":
    case "FLOW_SUSPENDED":
    case "LIMITED_WORKSPACE_STOPPED":
    case "CONTRACT_SUSPENDED":
    case "QUOTA_EXCEEDED":
    case "MESSAGING_FAILURE":
      return "platform";
    case "UNKNOWN":
      return "errors";
    default: {
      const unreachable: never = cause;
      return unreachable;
    }
  }
};

const timePattern = (item: ClassifiedGroup, recoveredAt: IsoDateTime | undefined): string => {
  const { count, firstSeen, lastSeen, executionCount } = item.group;
  const seen = `${count} error(s) in ${executionCount} execution(s) between ${firstSeen} and ${lastSeen}`;
  return recoveredAt
    ? `${seen}; recovered: every run since ${recoveredAt} passed the step`
    : `${seen}; ongoing: no success since`;
};

/** What is known of the component behind a step: its name, the version the step runs, its runtime library. */
export type ComponentNotes = ReadonlyMap<string, string>;

const componentDetail = (item: ClassifiedGroup, components: ComponentNotes): string => {
  if (item.classification.cause !== "COMPONENT_ERROR") return "";
  const { sample, stepId } = item.group;
  const frame = readStack(sample.message).ownFrame;
  const component = (stepId ? components.get(stepId) : undefined) ?? sample.componentName ?? "the component";
  const where = frame
    ? `Thrown in the code of ${component} ${frame}.`
    : `No frame in the own code of ${component} is in the log.`;
  const execution = sample.threadId ?? sample.execId;
  return ` ${where} Read the step's log: ${stepId ?? "the step"}${execution ? `, execution ${execution}` : ""} (logFile of flow ${sample.flowId} around ${sample.timestamp}).`;
};

/** One finding per classified error group: FAIL when the cause is known, WARN when nothing matched. */
export const errorGroupFindings = (
  groups: readonly ClassifiedGroup[],
  logs: readonly LogEntry[],
  components: ComponentNotes = new Map(),
): Finding[] => {
  const recoveryOf = stepRecoveries(logs);
  return groups.map((item) => {
    const { group, classification } = item;
    const recoveredAt = group.stepId === undefined ? undefined : recoveryOf(group.stepId, group.lastSeen);
    const firstLine = group.sample.message.split("\n", 1)[0] ?? "";
    return makeFinding({
      check: checkOfCause(classification.cause),
      status: classification.cause === "UNKNOWN" ? "WARN" : "FAIL",
      cause: classification.cause,
      stepId: group.stepId,
      detail: `${group.stepId}: "${shortenRedacted(firstLine, 200)}" — ${timePattern(item, recoveredAt)}.${componentDetail(item, components)}`,
      confidence: classification.confidence,
      evidence: [
        ...classification.evidence.slice(0, 4),
        evidence("errorGroup", "logs", `${group.fingerprint} × ${group.count}`),
      ],
      remedy: classification.remedy,
      ...(recoveredAt ? { recoveredAt } : {}),
    });
  });
};
