import type { Cause } from "../taxonomy/taxonomy.js";
import { CAUSE_INFO } from "../taxonomy/taxonomy.js";
import type { CheckStatus, Escalation, Finding, Verdict } from "./diagnosis.js";

const STATUS_ORDER: Readonly<Record<CheckStatus, number>> = {
  FAIL: 0,
  WARN: 1,
  ERROR: 2,
  SKIPPED: 3,
  PASS: 4,
};

/**
 * Root causes first: a suspended contract or a stopped limited workspace explains everything else; a safeguard that
 * fired (a full queue, failing containers) explains a suspension; a suspension stops the flow whatever its errors.
 */
const CAUSE_TIER: Partial<Record<Cause, number>> = {
  CONTRACT_SUSPENDED: 0,
  LIMITED_WORKSPACE_STOPPED: 1,
  QUEUE_OVERFLOW: 2,
  OUT_OF_MEMORY: 3,
  COMPONENT_FAILED_TO_START: 3,
  MESSAGING_FAILURE: 3,
  MESSAGE_TOO_LARGE: 3,
  QUOTA_EXCEEDED: 3,
  FLOW_SUSPENDED: 4,
  UNKNOWN: 9,
};
const tierOf = (finding: Finding): number => CAUSE_TIER[finding.cause] ?? 5;

/**
 * Worst first: status, then root-cause tier, then the step's place in the flow (the guide's go-through names the
 * first step that breaks; flow-wide findings come before step findings), then confidence.
 */
export const sortFindings = (findings: readonly Finding[], stepOrder: readonly string[]): Finding[] => {
  const place = (finding: Finding) => (finding.stepId === undefined ? -1 : stepOrder.indexOf(finding.stepId));
  return [...findings].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      tierOf(a) - tierOf(b) ||
      place(a) - place(b) ||
      b.confidence - a.confidence,
  );
};

const LEVEL_WORDS = {
  INTEGRATION_LOGIC: "integration logic",
  COMPONENT_RUNTIME: "component runtime",
  PLATFORM: "platform",
  UNCLASSIFIED: "unclassified",
} as const;

/** The verdict is the worst finding; with no FAIL or WARN the flow is healthy. */
export const decideVerdict = (
  sorted: readonly Finding[],
  stepNames: ReadonlyMap<string, string>,
): Verdict => {
  const worst = sorted.find((finding) => finding.status === "FAIL" || finding.status === "WARN");
  if (!worst) {
    return {
      status: "HEALTHY",
      level: "UNCLASSIFIED",
      cause: "UNKNOWN",
      confidence: 1,
      summary: "No problem found in the window: every check passed or was skipped.",
    };
  }
  const where = worst.stepId
    ? `Step ${worst.stepId}${stepNames.has(worst.stepId) ? ` (${stepNames.get(worst.stepId)})` : ""}`
    : "The flow";
  const verb = worst.status === "FAIL" ? "fails" : "shows a warning";
  const summary = `${where} ${verb}: ${CAUSE_INFO[worst.cause].title.toLowerCase()} (${worst.cause}, ${LEVEL_WORDS[worst.level]}).`;
  return {
    status: worst.status === "FAIL" ? "FAILING" : "DEGRADED",
    level: worst.level,
    cause: worst.cause,
    confidence: worst.confidence,
    ...(worst.stepId === undefined ? {} : { stepId: worst.stepId }),
    summary,
  };
};

/** The remedies of what is wrong, worst first, each once. */
export const nextActions = (sorted: readonly Finding[], escalation: Escalation): string[] => {
  const actions = new Set<string>();
  for (const finding of sorted) {
    if ((finding.status === "FAIL" || finding.status === "WARN") && finding.remedy) {
      actions.add(finding.stepId ? `${finding.stepId}: ${finding.remedy}` : finding.remedy);
    }
  }
  if (escalation.recommended) actions.add(`File a support ticket: ${escalation.reason}`);
  return [...actions];
};

const ESCALATE: Partial<Record<Cause, string>> = {
  MESSAGING_FAILURE:
    "the message transport failed, the one case where messages can be lost; support needs the exact timeline at once.",
  CONTRACT_SUSPENDED: "only support can lift a contract suspension.",
  QUOTA_EXCEEDED: "a higher quota can only be granted by support.",
  UNKNOWN: "no known cause explains the errors; support needs the error text, the log file and the timeline.",
};

/** Whether the diagnosis should end in a support ticket, and why. */
export const decideEscalation = (sorted: readonly Finding[]): Escalation => {
  const failing = sorted.filter((finding) => finding.status === "FAIL" || finding.status === "WARN");
  for (const finding of failing) {
    const reason = ESCALATE[finding.cause];
    if (reason && (finding.status === "FAIL" || finding.cause === "UNKNOWN"))
      return { recommended: true, reason };
  }
  const failedToStart = failing.find(
    (finding) => finding.cause === "COMPONENT_FAILED_TO_START" && finding.status === "FAIL",
  );
  if (failedToStart)
    return {
      recommended: true,
      reason: "the component keeps failing to start; the platform normally recovers by itself.",
    };
  if (failing.length > 0)
    return {
      recommended: false,
      reason: "the findings name causes you can fix yourself; follow the next actions first.",
    };
  return { recommended: false, reason: "nothing is failing." };
};
