import { stepsInExecutionOrder } from "../model/flow-graph.js";
import { PLATFORM_LIMITS } from "../model/limits.js";
import type { LogEntry } from "../model/log-entry.js";
import type { Contract, Flow, FlowQueueStats, IsoDateTime, ObjectId, Workspace } from "../model/platform.js";
import { checkCredentials } from "./check-credentials.js";
import { errorGroupFindings } from "./check-errors.js";
import { checkMappings } from "./check-mapping.js";
import {
  checkContract,
  checkFlowState,
  checkLimitedWorkspace,
  checkQueues,
  queueShare,
} from "./check-platform.js";
import { probeFindings } from "./check-probe.js";
import { stuckStepFindings } from "./check-stuck.js";
import { type ClassifiedGroup, classifyGroups } from "./classified-groups.js";
import { componentNotes } from "./component-notes.js";
import type { DiagnosedErrorGroup, Diagnosis, Finding } from "./diagnosis.js";
import type { DiagnosisPort } from "./diagnosis-port.js";
import { draftTicket } from "./draft-ticket.js";
import { explainChanges } from "./explain-changes.js";
import { flowQueueBehaviour } from "./queue-overflow-behaviour.js";
import { type CheckOutcome, runCheck } from "./run-check.js";
import { summarizeChecks } from "./summarize-checks.js";
import { decideEscalation, decideVerdict, nextActions, sortFindings } from "./verdict.js";
import { walkThrough } from "./walk-through.js";

/** Options of `diagnoseFlow`. */
export interface DiagnoseFlowOptions {
  readonly flowId: ObjectId;
  /** Start of the window. @default 24 hours before `now` */
  readonly since?: IsoDateTime;
  /** The time of the diagnosis. @default the current time */
  readonly now?: IsoDateTime;
  /** Run the platform's verify-credential execution for each credential (calls the external systems). @default false */
  readonly verifyCredentials?: boolean;
  /** Probe each failing step's external endpoint (needs `port.probeEndpoint`). @default false */
  readonly probeEndpoints?: boolean;
  /** Time budget of each check. @default 10000 */
  readonly checkBudgetMs?: number;
}

const DAY_MS = 86_400_000;

interface Facts {
  readonly flow: Flow;
  readonly workspace: Promise<Workspace>;
  readonly contract: Promise<Contract>;
  readonly logs: Promise<readonly LogEntry[]>;
  readonly queues: Promise<FlowQueueStats>;
  readonly groups: Promise<ClassifiedGroup[]>;
}

// Facts are fetched once, concurrently, and shared by the checks; a failed fetch fails only the checks that need it.
const gatherFacts = (port: DiagnosisPort, flow: Flow, from: IsoDateTime, to: IsoDateTime): Facts => {
  const workspace = port.workspace(flow.workspaceId);
  const contract = workspace.then((found) => port.contract(found.contractId));
  const logs = port.logs({ flowId: flow.id, workspaceId: flow.workspaceId, from, to });
  const queues = port.queueStats(flow.id);
  for (const fact of [workspace, contract, logs, queues]) fact.catch(() => undefined);
  const groups = logs.then((entries) => classifyGroups(entries, [flow]));
  groups.catch(() => undefined);
  return { flow, workspace, contract, logs, queues, groups };
};

const platformFindings = async (
  facts: Facts,
  now: IsoDateTime,
  loadComponent: DiagnosisPort["component"],
): Promise<Finding[]> => {
  const [workspace, contract, queues] = await Promise.all([facts.workspace, facts.contract, facts.queues]);
  // Only a queue past 80 % needs the steps' runtime libraries: they decide whether the flow gets suspended.
  const pastThreshold = queues.steps.some(
    (stats) => queueShare(stats) >= PLATFORM_LIMITS.suspensionThreshold,
  );
  const behaviour = pastThreshold ? await flowQueueBehaviour(facts.flow, loadComponent) : "unknown";
  return [
    ...checkContract(contract),
    ...checkFlowState(facts.flow),
    ...checkLimitedWorkspace(facts.flow, workspace, now),
    ...checkQueues(queues, behaviour),
  ];
};

const runChecks = (
  port: DiagnosisPort,
  facts: Facts,
  options: Required<Pick<DiagnoseFlowOptions, "now" | "checkBudgetMs">> & DiagnoseFlowOptions,
): Promise<CheckOutcome[]> => {
  const budget = options.checkBudgetMs;
  const { flow } = facts;
  const verify = port.verifyCredential?.bind(port);
  const probe = port.probeEndpoint?.bind(port);
  return Promise.all([
    runCheck("errors", budget, async () => {
      const groups = await facts.groups;
      const components = await componentNotes(flow, groups, port.component?.bind(port));
      return errorGroupFindings(groups, await facts.logs, components);
    }),
    runCheck("platform", budget, () => platformFindings(facts, options.now, port.component?.bind(port))),
    runCheck(
      "mapping",
      budget,
      async () => (await checkMappings(flow, (id) => port.dataSample(id))).findings,
    ),
    runCheck("walkthrough", budget, async () =>
      stuckStepFindings(
        walkThrough(flow, await facts.logs, await facts.queues.catch(() => undefined), options.now),
      ),
    ),
    ...(options.verifyCredentials && verify
      ? [runCheck("credentials", budget, () => checkCredentials(flow, verify))]
      : []),
    ...(options.probeEndpoints && probe
      ? [runCheck("downtime", budget, async () => probeFindings(flow, await facts.groups, probe))]
      : []),
  ]);
};

const summarizeGroups = (groups: readonly ClassifiedGroup[]): DiagnosedErrorGroup[] =>
  groups.map(({ group, classification }) => ({
    fingerprint: group.fingerprint,
    ...(group.stepId === undefined ? {} : { stepId: group.stepId }),
    message: group.sample.message,
    count: group.count,
    executionCount: group.executionCount,
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
    level: classification.level,
    cause: classification.cause,
    confidence: classification.confidence,
  }));

/**
 * The troubleshooting guide as one call: errors, integration logic (downtime, credentials, answer structure and
 * mapping), the manual go-through, component runtime and platform safeguards, each check independent and within
 * its own time budget. Throws only when the flow itself cannot be read.
 */
export const diagnoseFlow = async (port: DiagnosisPort, options: DiagnoseFlowOptions): Promise<Diagnosis> => {
  const now = options.now ?? new Date().toISOString();
  const from = options.since ?? new Date(Date.parse(now) - DAY_MS).toISOString();
  const flow = await port.flow(options.flowId);
  const facts = gatherFacts(port, flow, from, now);
  const outcomes = await runChecks(port, facts, {
    ...options,
    now,
    checkBudgetMs: options.checkBudgetMs ?? 10_000,
  });
  const steps = stepsInExecutionOrder(flow.graph);
  const findings = sortFindings(
    outcomes.flatMap((outcome) => (outcome.ok ? outcome.findings : [])),
    steps.map((step) => step.id),
  );
  const logs = await facts.logs.catch(() => [] as readonly LogEntry[]);
  const groups = await facts.groups.catch(() => [] as ClassifiedGroup[]);
  const walkthrough = walkThrough(flow, logs, await facts.queues.catch(() => undefined), now);
  const checks = summarizeChecks(outcomes, findings, options);
  const explained = await explainChanges(
    decideVerdict(
      findings,
      new Map(steps.map((step) => [step.id, step.name])),
      groups.reduce((sum, { group }) => sum + group.executionCount, 0),
      checks.filter((run) => run.status === "ERROR"),
    ),
    summarizeGroups(groups),
    port.flowVersions
      ? () => (port.flowVersions as NonNullable<DiagnosisPort["flowVersions"]>)(flow.id)
      : undefined,
  );
  const verdict = explained.verdict;
  const escalation = decideEscalation(findings);
  const workspace = await facts.workspace.catch(() => undefined);
  const diagnosis = {
    flowId: flow.id,
    flowName: flow.name,
    workspaceId: flow.workspaceId,
    ...(workspace ? { contractId: workspace.contractId } : {}),
    window: { from, to: now },
    verdict,
    findings,
    errorGroups: explained.groups,
    walkthrough,
    checks,
    nextActions: nextActions(findings, escalation),
    escalation,
  };
  return { ...diagnosis, ticket: draftTicket({ diagnosis, flow, logs, workspace, now }) };
};
