import { PLATFORM_LIMITS } from "../model/limits.js";
import type {
  Contract,
  Flow,
  FlowQueueStats,
  IsoDateTime,
  StepQueueStats,
  Workspace,
} from "../model/platform.js";
import type { Finding } from "./diagnosis.js";
import { evidence, makeFinding } from "./make-finding.js";
import { DYNAMIC_FLOW_CONTROL_SINCE, type QueueOverflowBehaviour } from "./queue-overflow-behaviour.js";

const HOUR_MS = 3_600_000;

export const checkContract = (contract: Contract): Finding[] => {
  if (contract.status === "active") return [];
  return [
    makeFinding({
      check: "platform",
      status: "FAIL",
      cause: "CONTRACT_SUSPENDED",
      detail: `Contract "${contract.name}" is ${contract.status}: all its flows are stopped and most changes are blocked.`,
      confidence: 0.98,
      evidence: [evidence("contractStatus", "contract", contract.status)],
    }),
  ];
};

export const checkFlowState = (flow: Flow): Finding[] => {
  if (flow.status !== "suspended" && flow.currentStatus !== "suspended") return [];
  return [
    makeFinding({
      check: "platform",
      status: "FAIL",
      cause: "FLOW_SUSPENDED",
      detail: `The flow is suspended (status ${flow.status}, current status ${flow.currentStatus}); its messages wait in the queues for a limited time.`,
      confidence: 0.97,
      evidence: [
        evidence("flowStatus", "flowState", flow.status),
        evidence("flowCurrentStatus", "flowState", flow.currentStatus),
      ],
    }),
  ];
};

/** A flow in a limited workspace that is inactive at least 8 h after its last start was stopped by the platform. */
export const checkLimitedWorkspace = (flow: Flow, workspace: Workspace, now: IsoDateTime): Finding[] => {
  if (workspace.type !== "limited" || flow.status === "active" || !flow.lastStartTime) return [];
  const hours = (Date.parse(now) - Date.parse(flow.lastStartTime)) / HOUR_MS;
  if (!(hours >= PLATFORM_LIMITS.limitedWorkspaceRunHours)) return [];
  return [
    makeFinding({
      check: "platform",
      status: "FAIL",
      cause: "LIMITED_WORKSPACE_STOPPED",
      detail: `Workspace "${workspace.name}" is limited and the flow is ${flow.status} ${Math.floor(hours)} h after its last start: the platform stops such flows after ${PLATFORM_LIMITS.limitedWorkspaceRunHours} h and drops their queued messages.`,
      confidence: 0.85,
      evidence: [
        evidence("workspaceType", "workspace", workspace.type),
        evidence("lastStartTime", "flowState", flow.lastStartTime),
        evidence("flowStatus", "flowState", flow.status),
      ],
    }),
  ];
};

/** How full a step's queue is: the larger share of its message and byte limits. */
export const queueShare = (stats: StepQueueStats): number =>
  Math.max(stats.total / PLATFORM_LIMITS.queueMessages, (stats.bytes ?? 0) / PLATFORM_LIMITS.queueBytes);

const SUSPENDING_LIBRARIES = `Node.js sailor before ${DYNAMIC_FLOW_CONTROL_SINCE.nodejs}, Java before ${DYNAMIC_FLOW_CONTROL_SINCE.java}`;

const pastThresholdText: Readonly<Record<QueueOverflowBehaviour, string>> = {
  throttles:
    "is past 80 % of its limit; every step's runtime library has dynamic flow control, so the flow is not suspended, but at the limit publishing is throttled and processing stalls",
  suspends: `is past the 80 % threshold at which the platform suspends the flow: a step runs an older runtime library (${SUSPENDING_LIBRARIES})`,
  unknown: `is past the 80 % threshold at which flows with a step on an older runtime library (${SUSPENDING_LIBRARIES}) are suspended`,
};

const queueFinding = (stats: StepQueueStats, behaviour: QueueOverflowBehaviour): Finding | undefined => {
  const share = queueShare(stats);
  if (share < 0.5) return undefined;
  const percent = Math.round(share * 100);
  const pastThreshold = share >= PLATFORM_LIMITS.suspensionThreshold;
  const status = share >= 1 || (pastThreshold && behaviour !== "throttles") ? "FAIL" : "WARN";
  const limitText =
    share >= 1
      ? behaviour === "throttles"
        ? "has reached its limit: publishing to it is throttled (nothing is lost) and the flow stalls"
        : "has reached its limit"
      : pastThreshold
        ? pastThresholdText[behaviour]
        : "is filling up";
  return makeFinding({
    check: "platform",
    status,
    cause: "QUEUE_OVERFLOW",
    stepId: stats.stepId,
    detail: `The queue in front of ${stats.stepId} holds ${stats.total.toLocaleString("en")} messages (${percent} % of the limit) and ${limitText}.`,
    confidence: status === "FAIL" ? 0.9 : 0.6,
    evidence: [
      evidence("queueTotal", "queueStats", stats.total),
      evidence("queueReady", "queueStats", stats.ready),
      ...(stats.bytes === undefined ? [] : [evidence("queueBytes", "queueStats", stats.bytes)]),
    ],
  });
};

const reboundFinding = (stats: StepQueueStats): Finding | undefined => {
  if (stats.rebounds <= 0) return undefined;
  return makeFinding({
    check: "platform",
    status: "WARN",
    cause: "REBOUND_EXHAUSTED",
    title: "The step is rebounding messages",
    stepId: stats.stepId,
    detail: `${stats.rebounds} message(s) of ${stats.stepId} wait to be retried by rebound; once the rebound limit is reached they fail with "Rebound limit exceeded".`,
    confidence: 0.7,
    evidence: [evidence("queueRebounds", "queueStats", stats.rebounds)],
  });
};

/** Queue fill and rebounds per step; `behaviour` says whether a queue past 80 % gets the flow suspended. */
export const checkQueues = (
  queues: FlowQueueStats,
  behaviour: QueueOverflowBehaviour = "unknown",
): Finding[] =>
  queues.steps.flatMap((stats) =>
    [queueFinding(stats, behaviour), reboundFinding(stats)].filter((finding) => finding !== undefined),
  );
