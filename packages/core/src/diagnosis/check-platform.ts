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

const queueFinding = (stats: StepQueueStats): Finding | undefined => {
  const messageShare = stats.total / PLATFORM_LIMITS.queueMessages;
  const byteShare = (stats.bytes ?? 0) / PLATFORM_LIMITS.queueBytes;
  const share = Math.max(messageShare, byteShare);
  if (share < 0.5) return undefined;
  const percent = Math.round(share * 100);
  const status = share >= PLATFORM_LIMITS.suspensionThreshold ? "FAIL" : "WARN";
  const limitText =
    share >= 1
      ? "has reached its limit"
      : share >= PLATFORM_LIMITS.suspensionThreshold
        ? "is past the 80 % threshold at which flows with older runtime libraries are suspended"
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

export const checkQueues = (queues: FlowQueueStats): Finding[] =>
  queues.steps.flatMap((stats) =>
    [queueFinding(stats), reboundFinding(stats)].filter((finding) => finding !== undefined),
  );
