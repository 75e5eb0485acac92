import type { Cause } from "../taxonomy/taxonomy.js";
import { CAUSE_INFO } from "../taxonomy/taxonomy.js";
import type { CheckRun, CheckStatus, Escalation, Finding, Verdict } from "./diagnosis.js";

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
const isProblem = (finding: Finding): boolean => finding.status === "FAIL" || finding.status === "WARN";
const isActive = (finding: Finding): boolean => isProblem(finding) && finding.recoveredAt === undefined;
/** Recovered problems rank after active warnings and before checks that could not run. */
const rankOf = (finding: Finding): number =>
  isProblem(finding) && !isActive(finding) ? 1.5 : STATUS_ORDER[finding.status];

/** Whether a finding rests on errors the step logged, rather than on what a check predicts (a mapper against a sample). */
const isObserved = (finding: Finding): boolean =>
  finding.evidence.some((item) => item.signal === "errorGroup");

/**
 * Worst first: status (a problem that recovered after warnings that did not), then root-cause tier, then the step's
 * place in the flow (the guide's go-through names the first step that breaks; flow-wide findings come before step
 * findings), then what the step logged before what a check predicts for it (a refused connection is the step's
 * problem even when its mapper also reads a path the sample lacks), then confidence. Confidences of different checks
 * are not on one scale, so they only break the last ties.
 */
export const sortFindings = (findings: readonly Finding[], stepOrder: readonly string[]): Finding[] => {
  const place = (finding: Finding) => (finding.stepId === undefined ? -1 : stepOrder.indexOf(finding.stepId));
  const observed = (finding: Finding) => (isObserved(finding) ? 0 : 1);
  return [...findings].sort(
    (a, b) =>
      rankOf(a) - rankOf(b) ||
      tierOf(a) - tierOf(b) ||
      place(a) - place(b) ||
      observed(a) - observed(b) ||
      b.confidence - a.confidence,
  );
};

const LEVEL_WORDS = {
  INTEGRATION_LOGIC: "integration logic",
  COMPONENT_RUNTIME: "component runtime",
  PLATFORM: "platform",
  UNCLASSIFIED: "unclassified",
} as const;

const stepWords = (finding: Finding, stepNames: ReadonlyMap<string, string>): string =>
  finding.stepId
    ? `Step ${finding.stepId}${stepNames.has(finding.stepId) ? ` (${stepNames.get(finding.stepId)})` : ""}`
    : "The flow";

const problemWords = (finding: Finding): string =>
  `${CAUSE_INFO[finding.cause].title.toLowerCase()} (${finding.cause}, ${LEVEL_WORDS[finding.level]})`;

const healthy = (summary: string): Verdict => ({
  status: "HEALTHY",
  level: null,
  cause: null,
  confidence: 1,
  summary,
});

/** Errors in one execution, of causes a retry gets past, that later runs got past: not a problem. */
const isTransient = (recovered: readonly Finding[], failedExecutions: number): boolean =>
  failedExecutions <= 1 && recovered.every((finding) => CAUSE_INFO[finding.cause].retryable);

const recoveredVerdict = (
  recovered: readonly Finding[],
  stepNames: ReadonlyMap<string, string>,
  failedExecutions: number,
): Verdict => {
  const worst = recovered[0] as Finding;
  const recoveredAt = recovered.map((finding) => finding.recoveredAt as string).sort()[
    recovered.length - 1
  ] as string;
  if (isTransient(recovered, failedExecutions))
    return healthy(
      `${stepWords(worst, stepNames)} had one transient error: ${problemWords(worst)}; every run since ${recoveredAt} passed.`,
    );
  return {
    status: "RECOVERED",
    level: worst.level,
    cause: worst.cause,
    confidence: worst.confidence,
    ...(worst.stepId === undefined ? {} : { stepId: worst.stepId }),
    recoveredAt,
    summary: `${stepWords(worst, stepNames)} failed: ${problemWords(worst)}. It recovered: every run since ${recoveredAt} passed.`,
  };
};

const checkWords = (runs: readonly CheckRun[]): string =>
  runs.map((run) => `${run.check}${run.note ? ` (${run.note})` : ""}`).join(", ");

/**
 * No problem found. Without the error check (the logs could not be read) that says nothing: UNCHECKED. Other checks
 * that could not run are named, as what the verdict does not cover.
 */
const noProblemVerdict = (notRun: readonly CheckRun[]): Verdict => {
  if (notRun.some((run) => run.check === "errors"))
    return {
      status: "UNCHECKED",
      level: null,
      cause: null,
      confidence: 0,
      summary: `Nothing is known about this flow: checks could not run: ${checkWords(notRun)}.`,
    };
  return notRun.length === 0
    ? healthy("No problem found in the window: every check passed or was skipped.")
    : healthy(`No problem found in the window by the checks that ran; not run: ${checkWords(notRun)}.`);
};

/**
 * The verdict is the worst active finding. With none, problems that ended make it RECOVERED (or HEALTHY for one
 * transient error); with no problem at all the flow is healthy and has no cause, unless its errors could not be read
 * (`notRun`: the checks that could not run).
 */
export const decideVerdict = (
  sorted: readonly Finding[],
  stepNames: ReadonlyMap<string, string>,
  failedExecutions = 0,
  notRun: readonly CheckRun[] = [],
): Verdict => {
  const worst = sorted.find(isActive);
  if (!worst) {
    const recovered = sorted.filter(isProblem);
    return recovered.length > 0
      ? recoveredVerdict(recovered, stepNames, failedExecutions)
      : noProblemVerdict(notRun);
  }
  const verb = worst.status === "FAIL" ? "fails" : "shows a warning";
  return {
    status: worst.status === "FAIL" ? "FAILING" : "DEGRADED",
    level: worst.level,
    cause: worst.cause,
    confidence: worst.confidence,
    ...(worst.stepId === undefined ? {} : { stepId: worst.stepId }),
    summary: `${stepWords(worst, stepNames)} ${verb}: ${problemWords(worst)}.`,
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
  // Lost messages stay support's business after the transport recovered; other recovered problems do not.
  const failing = sorted.filter(
    (finding) => isActive(finding) || (isProblem(finding) && finding.cause === "MESSAGING_FAILURE"),
  );
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
  return sorted.some(isProblem)
    ? { recommended: false, reason: "the problems of the window have recovered; nothing is failing now." }
    : { recommended: false, reason: "nothing is failing." };
};
