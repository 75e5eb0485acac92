import { type FlowStatus, PLATFORM_LIMITS } from "@flowdoctor/core";
import type {
  Scenario,
  ScenarioComponent,
  ScenarioContract,
  ScenarioFlow,
  ScenarioLogEntry,
  ScenarioUser,
  ScenarioWorkspace,
} from "../scenario/scenario.js";
import type { ScenarioCredentialFile, ScenarioDataSampleFile } from "../scenario/scenario-file.js";

/** A flow's changeable state: start and stop move it. */
export interface FlowState {
  status: FlowStatus;
  currentStatus: string;
  lastStartTime?: string;
  updatedAt: string;
}

/** A verify-credential execution: pending for a number of polls, then done. */
export interface ExecutionState {
  readonly id: string;
  readonly workspaceId: string;
  readonly userId: string;
  pollsLeft: number;
  readonly result: { verified: boolean; reason?: string };
}

/** The emulator's data: the scenario indexed for fast look-ups, plus what requests change. */
export interface EmulatorState {
  readonly scenario: Scenario;
  readonly usersById: ReadonlyMap<string, ScenarioUser>;
  readonly usersByEmail: ReadonlyMap<string, ScenarioUser>;
  readonly contracts: ReadonlyMap<string, ScenarioContract>;
  readonly workspaces: ReadonlyMap<string, ScenarioWorkspace>;
  readonly flows: ReadonlyMap<string, ScenarioFlow>;
  readonly flowsByWorkspace: ReadonlyMap<string, readonly ScenarioFlow[]>;
  readonly flowStates: Map<string, FlowState>;
  readonly components: ReadonlyMap<string, ScenarioComponent>;
  readonly credentials: ReadonlyMap<string, ScenarioCredentialFile>;
  readonly dataSamples: ReadonlyMap<string, ScenarioDataSampleFile>;
  /** Newest first. */
  readonly logsByWorkspace: Map<string, readonly IndexedLog[]>;
  readonly executions: Map<string, ExecutionState>;
  /** Each flow's JSON text for the state it was serialised in (flows change only on start and stop). */
  readonly flowJson: Map<string, { readonly key: string; readonly json: string }>;
  /** Polls a verification stays pending before its result is ready. */
  readonly verificationPolls: number;
}

/** A log entry with what filtering and serving need precomputed. */
export interface IndexedLog {
  readonly entry: ScenarioLogEntry;
  readonly ms: number;
  readonly lowerMessage: string;
  /** The entry as JSON text. */
  readonly json: string;
}

const groupBy = <TItem>(items: readonly TItem[], key: (item: TItem) => string): Map<string, TItem[]> => {
  const groups = new Map<string, TItem[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
};

const byId = <TItem extends { readonly id: string }>(items: readonly TItem[]): Map<string, TItem> =>
  new Map(items.map((item) => [item.id, item]));

const LIMITED_RUN_MS = PLATFORM_LIMITS.limitedWorkspaceRunHours * 3_600_000;

/**
 * Whether the platform's safeguards have stopped a flow by `now`, whatever the scenario says: a suspended contract's
 * flows are stopped, and so is a limited workspace's active flow 8 h after its last start.
 */
const stoppedBySafeguard = (scenario: Scenario, flow: ScenarioFlow, nowMs: number): boolean => {
  const workspace = scenario.workspaces.find((candidate) => candidate.id === flow.workspaceId);
  const contract = scenario.contracts.find((candidate) => candidate.id === workspace?.contractId);
  if (contract !== undefined && contract.status !== "active") return true;
  if (workspace?.type !== "limited" || flow.status !== "active" || flow.lastStartTime === undefined)
    return false;
  return Date.parse(flow.lastStartTime) + LIMITED_RUN_MS <= nowMs;
};

const initialFlowState = (scenario: Scenario, flow: ScenarioFlow, nowMs: number): FlowState => {
  const stopped = stoppedBySafeguard(scenario, flow, nowMs);
  return {
    status: stopped ? "inactive" : flow.status,
    currentStatus: stopped ? "inactive" : flow.currentStatus,
    updatedAt: flow.updatedAt,
    ...(flow.lastStartTime === undefined ? {} : { lastStartTime: flow.lastStartTime }),
  };
};

const indexLog = (entry: ScenarioLogEntry): IndexedLog => ({
  entry,
  ms: Date.parse(entry.timestamp),
  lowerMessage: entry.message.toLowerCase(),
  json: JSON.stringify(entry),
});

/**
 * Adds log entries as if the platform had just received them: each workspace's list stays newest first (entries
 * of the same time keep the order they came in).
 */
export const appendLogs = (state: EmulatorState, entries: readonly ScenarioLogEntry[]): void => {
  for (const [workspaceId, added] of groupBy(entries.map(indexLog), (log) => log.entry.workspace_id)) {
    const merged = [...added.reverse(), ...(state.logsByWorkspace.get(workspaceId) ?? [])];
    state.logsByWorkspace.set(
      workspaceId,
      merged.sort((a, b) => b.ms - a.ms),
    );
  }
};

/** Indexes a loaded scenario. */
export const createEmulatorState = (scenario: Scenario, verificationPolls: number): EmulatorState => {
  const logs = scenario.logs.map(indexLog);
  return {
    scenario,
    usersById: byId(scenario.users),
    usersByEmail: new Map(scenario.users.map((user) => [user.email.toLowerCase(), user])),
    contracts: byId(scenario.contracts),
    workspaces: byId(scenario.workspaces),
    flows: byId(scenario.flows),
    flowsByWorkspace: groupBy(
      [...scenario.flows].sort((a, b) => (a.id < b.id ? -1 : 1)),
      (flow) => flow.workspaceId,
    ),
    flowStates: new Map(
      scenario.flows.map((flow) => [flow.id, initialFlowState(scenario, flow, Date.parse(scenario.now))]),
    ),
    components: byId(scenario.components),
    credentials: byId(scenario.credentials),
    dataSamples: byId(scenario.dataSamples),
    logsByWorkspace: groupBy(logs, (log) => log.entry.workspace_id),
    executions: new Map(),
    flowJson: new Map(),
    verificationPolls,
  };
};
