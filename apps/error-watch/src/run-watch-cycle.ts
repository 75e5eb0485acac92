import type { DiagnoseFlowQuery, FlowdoctorClient } from "@flowdoctor/sdk";
import type { WatchLogger } from "./logger.js";
import { needsDiagnosis, type WatchedGroup } from "./needs-diagnosis.js";
import type { DiagnosedFlow, OpenedDraft, WatchFailure, WatchReport } from "./watch-report.js";
import type { WatchState } from "./watch-state.js";

/** One flow's diagnosis, as the SDK returns it. */
export type FlowDiagnosis = NonNullable<DiagnoseFlowQuery["diagnoseFlow"]>;

/** What a draft sink gets: the flow's diagnosis and the new groups that led to it. */
export interface DraftRequest {
  readonly diagnosis: FlowDiagnosis;
  readonly fingerprints: readonly string[];
}

/** Opens a ticket draft for a diagnosis and says where it lives. It must never submit the ticket. */
export type DraftSink = (
  request: DraftRequest,
) => Promise<{ readonly ticketId?: string; readonly outcome?: DraftOutcome }>;
/** What the gateway did with a draft request: a new draft, or the open (or reopened) ticket of the problem. */
export type DraftOutcome = "CREATED" | "ADDED_TO_OPEN" | "REOPENED";

/** What one cycle needs. */
export interface CycleDeps {
  readonly client: FlowdoctorClient;
  readonly state: WatchState;
  readonly logger: WatchLogger;
  readonly openDraft: DraftSink;
  /** How far back to look in a workspace the watch has not seen yet, in ms. */
  readonly lookbackMs: number;
  readonly now: () => Date;
}

const failureOf = (error: unknown, step: WatchFailure["step"], ids: Partial<WatchFailure>): WatchFailure => {
  const code = (error as { code?: unknown }).code;
  return {
    step,
    ...ids,
    code: typeof code === "string" ? code : "UNEXPECTED",
    message: error instanceof Error ? error.message : String(error),
  };
};

/** The new groups of one workspace that need a diagnosis, by flow. */
const newGroupsByFlow = async (deps: CycleDeps, workspaceId: string, since: string) => {
  const fresh: WatchedGroup[] = [];
  for await (const group of deps.client.allErrorGroups({ workspaceId, filter: { from: since }, first: 50 })) {
    if (deps.state.isNew(workspaceId, group.lastSeen)) fresh.push(group);
  }
  const selected = fresh.filter(needsDiagnosis);
  const byFlow = new Map<string, WatchedGroup[]>();
  for (const group of selected) byFlow.set(group.flowId, [...(byFlow.get(group.flowId) ?? []), group]);
  return { fresh, selected, byFlow };
};

interface CycleTally {
  workspaces: number;
  newGroups: number;
  selectedGroups: number;
  readonly diagnosed: DiagnosedFlow[];
  readonly drafts: OpenedDraft[];
  readonly failures: WatchFailure[];
}

const handleFlow = async (
  deps: CycleDeps,
  tally: CycleTally,
  flow: { workspaceId: string; flowId: string; since: string; groups: WatchedGroup[] },
) => {
  const fingerprints = flow.groups.map((group) => group.fingerprint);
  const { data } = await deps.client.diagnoseFlow({ flowId: flow.flowId, since: flow.since });
  const diagnosed: DiagnosedFlow = {
    workspaceId: flow.workspaceId,
    flowId: flow.flowId,
    flowName: data.flowName,
    status: data.verdict.status,
    cause: data.verdict.cause,
    summary: data.verdict.summary,
    fingerprints,
  };
  tally.diagnosed.push(diagnosed);
  deps.logger.info({ ...diagnosed }, "flow diagnosed");
  const undrafted = fingerprints.filter((fingerprint) => !deps.state.hasDraft(fingerprint));
  if (undrafted.length === 0) {
    deps.logger.info(
      { flowId: flow.flowId, fingerprints },
      "draft already open for these groups; not opening another",
    );
    return;
  }
  try {
    const { ticketId, outcome } = await deps.openDraft({ diagnosis: data, fingerprints: undrafted });
    for (const fingerprint of undrafted) deps.state.markDrafted(fingerprint);
    const missingFields = data.ticket.missing.map((field) => field.field);
    tally.drafts.push({
      flowId: flow.flowId,
      fingerprints: undrafted,
      draft: data.ticket.draft,
      missingFields,
      ticketId,
      ...(outcome === undefined ? {} : { outcome }),
    });
    deps.logger.info(
      { flowId: flow.flowId, ticketId, fingerprints: undrafted, missingFields, outcome },
      outcome === undefined || outcome === "CREATED"
        ? "ticket draft opened (not submitted)"
        : "an open ticket covers this problem: the occurrence was added to it",
    );
  } catch (error) {
    const failure = failureOf(error, "openDraft", { workspaceId: flow.workspaceId, flowId: flow.flowId });
    tally.failures.push(failure);
    deps.logger.warn({ ...failure }, "could not open a ticket draft");
  }
};

const watchWorkspace = async (deps: CycleDeps, tally: CycleTally, workspaceId: string) => {
  const since =
    deps.state.watermark(workspaceId) ?? new Date(deps.now().getTime() - deps.lookbackMs).toISOString();
  const { fresh, selected, byFlow } = await newGroupsByFlow(deps, workspaceId, since);
  tally.newGroups += fresh.length;
  tally.selectedGroups += selected.length;
  deps.logger.info(
    { workspaceId, since, newGroups: fresh.length, selected: selected.length },
    "workspace scanned",
  );
  let isComplete = true;
  for (const [flowId, groups] of byFlow) {
    try {
      await handleFlow(deps, tally, { workspaceId, flowId, since, groups });
    } catch (error) {
      isComplete = false;
      const failure = failureOf(error, "diagnoseFlow", { workspaceId, flowId });
      tally.failures.push(failure);
      deps.logger.warn({ ...failure }, "could not diagnose a flow");
    }
  }
  // A flow that could not be diagnosed is tried again next cycle: the watermark stays where it was.
  if (!isComplete) return;
  for (const group of fresh) deps.state.advance(workspaceId, group.lastSeen);
};

/**
 * One cycle: every workspace the login can see, its error groups newer than the last cycle, a diagnosis of
 * each flow with platform-level or unknown causes, and a ticket draft per flow (never submitted). A failure
 * in one workspace or flow is logged and reported; the cycle goes on.
 */
export const runWatchCycle = async (deps: CycleDeps): Promise<WatchReport> => {
  const startedAt = deps.now().toISOString();
  const tally: CycleTally = {
    workspaces: 0,
    newGroups: 0,
    selectedGroups: 0,
    diagnosed: [],
    drafts: [],
    failures: [],
  };
  deps.logger.info({ startedAt }, "cycle started");
  try {
    for await (const workspace of deps.client.allWorkspaces({ first: 50 })) {
      tally.workspaces += 1;
      try {
        await watchWorkspace(deps, tally, workspace.id);
      } catch (error) {
        const failure = failureOf(error, "errorGroups", { workspaceId: workspace.id });
        tally.failures.push(failure);
        deps.logger.warn({ ...failure }, "could not read a workspace's error groups");
      }
    }
  } catch (error) {
    tally.failures.push(failureOf(error, "workspaces", {}));
    deps.logger.warn({ ...failureOf(error, "workspaces", {}) }, "could not list the workspaces");
  }
  const report: WatchReport = { startedAt, finishedAt: deps.now().toISOString(), ...tally };
  deps.logger.info(
    {
      workspaces: report.workspaces,
      newGroups: report.newGroups,
      selectedGroups: report.selectedGroups,
      diagnosed: report.diagnosed.length,
      drafts: report.drafts.length,
      failures: report.failures.length,
    },
    "cycle finished",
  );
  return report;
};
