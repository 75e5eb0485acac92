// Fields the diagnosis fills: the troubleshooting level and cause, support access, and stuck-message evidence.
import { CAUSE_INFO, CAUSES, LEVELS } from "../taxonomy/taxonomy.js";
import { TICKET_LIMITS } from "./ticket-limits.js";
import {
  childPath,
  describeType,
  isRecord,
  itemPath,
  readBoolean,
  readChoice,
  readDateTime,
  readList,
  readRecord,
  readToken,
  report,
  reportUnknownKeys,
  type UnknownRecord,
  type ValidationContext,
} from "./validation-context.js";

const EVIDENCE_FIELDS = ["flowSuspended", "lastLogAtPerStep", "containersRunning", "queueStats"] as const;
const QUEUE_FIELDS = ["stepId", "total", "ready", "unacked", "rebounds", "bytes"] as const;
const QUEUE_COUNTS = ["total", "ready", "unacked", "rebounds", "bytes"] as const;

/** Checks support access, troubleshooting level and cause (and that they agree), and stuck-message evidence. */
export const validateDiagnosis = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  const access = { label: "Support access granted", required: false };
  readBoolean(ctx, ticket.supportAccessGranted, "supportAccessGranted", access);
  const levelRule = { label: "Troubleshooting level", required: false, allowed: LEVELS };
  const level = readChoice(ctx, ticket.troubleshootingLevel, "troubleshootingLevel", levelRule);
  const cause = readChoice(ctx, ticket.cause, "cause", { label: "Cause", required: false, allowed: CAUSES });
  if (level !== undefined && cause !== undefined && CAUSE_INFO[cause].level !== level) {
    const message = `Troubleshooting level ${level} does not match cause ${cause}, which is at level ${CAUSE_INFO[cause].level}.`;
    report(ctx, "troubleshootingLevel", "LEVEL_MISMATCH", message);
  }
  validateStuckEvidence(ctx, ticket.stuckMessageEvidence);
};

const validateStuckEvidence = (ctx: ValidationContext, value: unknown): void => {
  const path = "stuckMessageEvidence";
  const evidence = readRecord(ctx, value, path, { label: "Stuck-message evidence", required: false });
  if (evidence === undefined) return;
  reportUnknownKeys(ctx, evidence, EVIDENCE_FIELDS, path);
  const suspended = { label: "Flow suspended", required: true };
  readBoolean(ctx, evidence.flowSuspended, childPath(path, "flowSuspended"), suspended);
  const lastLogs = readStepMap(
    ctx,
    evidence.lastLogAtPerStep,
    childPath(path, "lastLogAtPerStep"),
    "Last log per step",
  );
  for (const [stepId, at] of lastLogs) {
    const rule = { label: `Last log time of ${stepId}`, required: true, past: true };
    readDateTime(ctx, at, childPath(childPath(path, "lastLogAtPerStep"), stepId), rule);
  }
  const running = readStepMap(
    ctx,
    evidence.containersRunning,
    childPath(path, "containersRunning"),
    "Containers running",
  );
  for (const [stepId, flag] of running) {
    const rule = { label: `Container running of ${stepId}`, required: true };
    readBoolean(ctx, flag, childPath(childPath(path, "containersRunning"), stepId), rule);
  }
  validateQueueStats(ctx, evidence.queueStats, childPath(path, "queueStats"));
};

const readStepMap = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  label: string,
): readonly [string, unknown][] => {
  const map = readRecord(ctx, value, path, { label, required: true });
  if (map === undefined) return [];
  const entries = Object.entries(map);
  if (entries.length > TICKET_LIMITS.evidenceMaxSteps) {
    const message = `${label} has ${entries.length} steps; at most ${TICKET_LIMITS.evidenceMaxSteps} are allowed.`;
    report(ctx, path, "TOO_MANY", message);
    return [];
  }
  return entries;
};

const validateQueueStats = (ctx: ValidationContext, value: unknown, path: string): void => {
  const rule = { label: "Queue stats", required: false, maxItems: TICKET_LIMITS.evidenceMaxSteps };
  readList(ctx, value, path, rule)?.forEach((item, index) => {
    const entryPath = itemPath(path, index);
    if (!isRecord(item)) {
      report(
        ctx,
        entryPath,
        "WRONG_TYPE",
        `Queue stats entry ${index + 1} must be an object, not ${describeType(item)}.`,
      );
      return;
    }
    reportUnknownKeys(ctx, item, QUEUE_FIELDS, entryPath);
    readToken(
      ctx,
      item.stepId,
      childPath(entryPath, "stepId"),
      `Queue stats entry ${index + 1}'s step id`,
      true,
    );
    for (const field of QUEUE_COUNTS) checkCount(ctx, item, field, entryPath);
  });
};

const checkCount = (ctx: ValidationContext, item: UnknownRecord, field: string, path: string): void => {
  const value = item[field];
  if (value === undefined && field === "bytes") return;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return;
  report(
    ctx,
    childPath(path, field),
    "WRONG_TYPE",
    `Queue stats ${field} must be a whole number of at least 0.`,
  );
};
