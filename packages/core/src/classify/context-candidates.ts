import { PLATFORM_LIMITS } from "../model/limits.js";
import type { ContainerExit, StepQueueStats } from "../model/platform.js";
import { type Candidate, candidate } from "./candidate.js";
import { SCORES } from "./scores.js";
import type { ErrorContext } from "./types.js";

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Exit codes of a clean or requested stop (0, and 143 = 128 + SIGTERM). */
const CLEAN_EXIT_CODES: ReadonlySet<number> = new Set([0, 143]);
const OOM_REASON = /oom/i;

/** Whether the flow is suspended, by its desired or observed state ("suspending" is on its way there). */
export const isFlowSuspended = (context: ErrorContext): boolean =>
  context.flowStatus === "suspended" ||
  context.flowCurrentStatus === "suspended" ||
  context.flowCurrentStatus === "suspending";

const contractCandidates = (context: ErrorContext): Candidate[] => {
  const status = context.contractStatus;
  if (status !== "suspended" && status !== "suspending") return [];
  const score = status === "suspended" ? SCORES.contractSuspended : SCORES.contractSuspending;
  return [
    candidate("CONTRACT_SUSPENDED", score, { signal: "contractStatus", source: "contract", value: status }),
  ];
};

const describeExit = (exit: ContainerExit): string =>
  [
    `state ${String(exit.state)}`,
    isNumber(exit.exitCode) ? `exit code ${exit.exitCode}` : "",
    typeof exit.reason === "string" ? `reason ${exit.reason}` : "",
  ]
    .filter((part) => part.length > 0)
    .join(", ");

const containerCandidates = (context: ErrorContext): Candidate[] => {
  const exit = context.containerExit;
  if (!isRecord(exit)) return [];
  const code = isNumber(exit.exitCode) ? exit.exitCode : undefined;
  const value = describeExit(exit);
  if (
    code === PLATFORM_LIMITS.oomExitCode ||
    (typeof exit.reason === "string" && OOM_REASON.test(exit.reason))
  ) {
    return [
      candidate("OUT_OF_MEMORY", SCORES.containerOom, {
        signal: "containerOomExit",
        source: "container",
        value,
      }),
    ];
  }
  const failed = exit.state === "Failed" || exit.state === "Killed";
  if (
    !failed ||
    (code !== undefined && CLEAN_EXIT_CODES.has(code)) ||
    (code === undefined && exit.state === "Killed")
  ) {
    return [];
  }
  return [
    candidate("COMPONENT_FAILED_TO_START", SCORES.containerFailed, {
      signal: "containerFailedExit",
      source: "container",
      value,
    }),
  ];
};

/** How full a step's queue is, as the larger share of its message and byte limits (0 when unknown). */
export const queueFill = (stats: StepQueueStats | undefined, context: ErrorContext): number => {
  if (!isRecord(stats)) return 0;
  const limits = isRecord(context.queueLimits) ? context.queueLimits : {};
  const maxMessages =
    isNumber(limits.messages) && limits.messages > 0 ? limits.messages : PLATFORM_LIMITS.queueMessages;
  const maxBytes = isNumber(limits.bytes) && limits.bytes > 0 ? limits.bytes : PLATFORM_LIMITS.queueBytes;
  const byMessages = isNumber(stats.total) ? stats.total / maxMessages : 0;
  const byBytes = isNumber(stats.bytes) ? stats.bytes / maxBytes : 0;
  return Math.max(byMessages, byBytes);
};

const queueCandidates = (context: ErrorContext): Candidate[] => {
  const stats = context.queueStats;
  const found: Candidate[] = [];
  const fill = queueFill(stats, context);
  if (fill >= PLATFORM_LIMITS.suspensionThreshold) {
    const full = fill >= 1;
    const suspended = isFlowSuspended(context);
    const score = full
      ? SCORES.queueFull
      : suspended
        ? SCORES.queueThresholdWhileSuspended
        : SCORES.queueThreshold;
    const value = `${Math.round(fill * 100)} % of the queue limit (${stats?.total ?? 0} messages${isNumber(stats?.bytes) ? `, ${stats.bytes} bytes` : ""})`;
    found.push(
      candidate("QUEUE_OVERFLOW", score, {
        signal: full ? "queueFull" : "queueNearLimit",
        source: "queueStats",
        value,
      }),
    );
  }
  if (isRecord(stats) && isNumber(stats.rebounds) && stats.rebounds > 0) {
    const value = `${stats.rebounds} rebounds on ${String(stats.stepId)}`;
    found.push(
      candidate("REBOUND_EXHAUSTED", SCORES.reboundsInQueue, {
        signal: "reboundsInQueue",
        source: "queueStats",
        value,
      }),
    );
  }
  return found;
};

const flowStateCandidates = (context: ErrorContext): Candidate[] => {
  if (!isFlowSuspended(context)) return [];
  const value = `status ${String(context.flowStatus)}, current status ${String(context.flowCurrentStatus)}`;
  // A queue past the suspension threshold is the safeguard that suspended the flow: the state backs that cause.
  const cause =
    queueFill(context.queueStats, context) >= PLATFORM_LIMITS.suspensionThreshold
      ? "QUEUE_OVERFLOW"
      : "FLOW_SUSPENDED";
  return [candidate(cause, SCORES.flowSuspended, { signal: "flowSuspended", source: "flowState", value })];
};

const HOUR_MS = 3_600_000;
/** The platform's stop runs on a schedule; a flow found inactive a little before 8 h counts too. */
const LIMITED_TOLERANCE_MS = 15 * 60_000;

const limitedWorkspaceCandidates = (context: ErrorContext): Candidate[] => {
  if (context.workspaceType !== "limited") return [];
  const inactive = context.flowStatus === "inactive" || context.flowCurrentStatus === "inactive";
  const started = typeof context.lastStartTime === "string" ? Date.parse(context.lastStartTime) : Number.NaN;
  const now = typeof context.now === "string" ? Date.parse(context.now) : Number.NaN;
  if (!inactive || Number.isNaN(started) || Number.isNaN(now)) return [];
  const elapsed = now - started;
  if (elapsed < PLATFORM_LIMITS.limitedWorkspaceRunHours * HOUR_MS - LIMITED_TOLERANCE_MS) return [];
  const value = `limited workspace, flow inactive ${(elapsed / HOUR_MS).toFixed(1)} h after its last start`;
  return [
    candidate("LIMITED_WORKSPACE_STOPPED", SCORES.limitedWorkspaceStopped, {
      signal: "limitedWorkspaceTimeLimit",
      source: "workspace",
      value,
    }),
  ];
};

const credentialCandidates = (context: ErrorContext): Candidate[] => {
  const verification = context.credentialVerification;
  if (!isRecord(verification) || verification.verified !== false) return [];
  const reason =
    typeof verification.reason === "string" ? `verified: false (${verification.reason})` : "verified: false";
  return [
    candidate("INVALID_CREDENTIALS", SCORES.credentialRejected, {
      signal: "credentialRejected",
      source: "credential",
      value: reason,
    }),
  ];
};

/** Candidates from the structured facts around an error. */
export const contextCandidates = (context: ErrorContext): Candidate[] =>
  Object.keys(context).length === 0 ? [] : allContextCandidates(context);

const allContextCandidates = (context: ErrorContext): Candidate[] => [
  ...contractCandidates(context),
  ...containerCandidates(context),
  ...queueCandidates(context),
  ...flowStateCandidates(context),
  ...limitedWorkspaceCandidates(context),
  ...credentialCandidates(context),
];
