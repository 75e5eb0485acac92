import { shaFor } from "./ids.js";
import { resolveTimeMs } from "./relative-time.js";
import { containerExitLogs, type LogContext, resolveLogEntry } from "./resolve-logs.js";
import type { Scenario, ScenarioComponent, ScenarioFlow, ScenarioLogEntry } from "./scenario.js";
import type { ScenarioComponentFile, ScenarioFile, ScenarioFlowFile } from "./scenario-file.js";

const DEFAULT_SAILOR = "2.7.8";

const isoAt = (ref: string | undefined, nowMs: number, fallback: string): string => {
  if (ref === undefined) return fallback;
  const ms = resolveTimeMs(ref, nowMs);
  return ms === undefined ? fallback : new Date(ms).toISOString();
};

const resolveComponent = (component: ScenarioComponentFile, nowMs: number): ScenarioComponent => {
  const { versions, access, language, sailorVersion, ...rest } = component;
  return {
    ...rest,
    access: access ?? "global",
    language: language ?? "nodejs",
    versions: versions.map((version) => ({
      id: version.id,
      versionNumber: version.versionNumber,
      date: isoAt(version.date, nowMs, new Date(nowMs).toISOString()),
      sailorVersion: version.sailorVersion ?? sailorVersion ?? DEFAULT_SAILOR,
    })),
  };
};

const resolveFlow = (flow: ScenarioFlowFile, nowMs: number): ScenarioFlow => {
  const now = new Date(nowMs).toISOString();
  const createdAt = isoAt(flow.createdAt, nowMs, now);
  const versions = (
    flow.versions ?? [{ id: shaFor(`flow-version:${flow.id}:1`), createdAt: flow.createdAt }]
  ).map((version, index) => ({
    id: version.id,
    createdAt: isoAt(version.createdAt, nowMs, createdAt),
    name: version.name ?? (index === 0 ? flow.name : `${flow.name} (v${index + 1})`),
    graph: ("graph" in version ? version.graph : undefined) ?? flow.graph,
  }));
  const optional = {
    ...(flow.lastStartTime === undefined ? {} : { lastStartTime: isoAt(flow.lastStartTime, nowMs, now) }),
    ...(flow.dueExecution === undefined ? {} : { dueExecution: isoAt(flow.dueExecution, nowMs, now) }),
  };
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description ?? null,
    workspaceId: flow.workspaceId,
    userId: flow.userId,
    type: flow.type ?? "ordinary",
    status: flow.status,
    currentStatus: flow.currentStatus ?? flow.status,
    cron: flow.cron ?? null,
    createdAt,
    updatedAt: isoAt(flow.updatedAt, nowMs, createdAt),
    ...optional,
    statsEnabled: flow.statsEnabled ?? true,
    hasDraft: flow.hasDraft ?? false,
    graph: flow.graph,
    nodesConfig: flow.nodesConfig ?? {},
    versions,
    queueStats: flow.queueStats ?? [],
    expected: flow.expected ?? [],
  };
};

const resolveLogs = (file: ScenarioFile, context: LogContext): ScenarioLogEntry[] => {
  const fromExits = (file.containerExits ?? []).flatMap((exit, index) => containerExitLogs(exit, index));
  const all = [...(file.logs ?? []), ...fromExits];
  const entries = all.map((entry, index) => resolveLogEntry(context, entry, index));
  // Newest first; ties keep file order reversed so later lines of one moment come first, as the platform does.
  return entries.sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
};

const exitTimes = (file: ScenarioFile, nowMs: number): Map<string, number[]> => {
  const exits = new Map<string, number[]>();
  for (const exit of file.containerExits ?? []) {
    const key = `${exit.flowId}:${exit.stepId}`;
    const list = exits.get(key) ?? [];
    list.push(resolveTimeMs(exit.at, nowMs) ?? nowMs);
    exits.set(
      key,
      list.sort((a, b) => a - b),
    );
  }
  return exits;
};

/** Resolves a validated scenario file against `now`: times become ISO strings, log entries get every field. */
export const resolveScenario = (file: ScenarioFile, nowMs: number): Scenario => {
  const now = new Date(nowMs).toISOString();
  const components = (file.components ?? []).map((component) => resolveComponent(component, nowMs));
  const flows = (file.flows ?? []).map((flow) => resolveFlow(flow, nowMs));
  const context: LogContext = {
    scenarioName: file.name,
    nowMs,
    flows: new Map(flows.map((flow) => [flow.id, flow])),
    components: new Map(components.map((component) => [component.id, component])),
    exits: exitTimes(file, nowMs),
  };
  return {
    name: file.name,
    description: file.description ?? "",
    now,
    users: file.users.map(({ registered, lastLogin, tenantAdmin, ...user }) => ({
      ...user,
      registered: isoAt(registered, nowMs, now),
      lastLogin: isoAt(lastLogin, nowMs, now),
      tenantAdmin: tenantAdmin ?? false,
    })),
    contracts: file.contracts.map(({ status, createdAt, updatedAt, featureFlags, ...contract }) => ({
      ...contract,
      status: status ?? "active",
      createdAt: isoAt(createdAt, nowMs, now),
      updatedAt: isoAt(updatedAt ?? createdAt, nowMs, now),
      featureFlags: featureFlags ?? {},
    })),
    workspaces: file.workspaces.map(({ type, flowStatsEnabledDefault, ...workspace }) => ({
      ...workspace,
      type: type ?? "full",
      flowStatsEnabledDefault: flowStatsEnabledDefault ?? true,
    })),
    components,
    credentials: file.credentials ?? [],
    dataSamples: file.dataSamples ?? [],
    flows,
    logs: resolveLogs(file, context),
  };
};
