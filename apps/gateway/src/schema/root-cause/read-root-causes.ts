import {
  classifyGroups,
  type FlowVersion,
  findRootCauses,
  LOG_LEVELS,
  type LogEntry,
  type RootCause,
  redactSecrets,
} from "@flowdoctor/core";
import type { GatewayContext } from "../../context.js";
import { diagnosesOf } from "../../diagnosis/request-diagnoses.js";
import { codeOfUpstreamError } from "../../graphql/upstream-error-code.js";

const LOG_CHUNK = 1000;
const MIN_FAILED_EXECUTIONS = 2;

/** The root causes of a window and how much of the platform's data they stand on. */
export interface RootCauseReport {
  readonly from: string;
  readonly to: string;
  readonly rootCauses: readonly RootCause[];
  /** The workspaces read: the one asked for, or the contract's the caller may read. */
  readonly workspaceIds: readonly string[];
  /** A contract's workspaces whose logs the caller may not read, left out. */
  readonly skippedWorkspaceIds: readonly string[];
  readonly flowsRead: number;
  readonly errorsRead: number;
  /** True when the window held more error entries than one request reads (`MAX_LOG_SCAN`), or a contract more workspaces than one answer covers. */
  readonly truncated: boolean;
}

/** A contract's workspaces one answer reads at most: each costs its own platform reads. */
export const MAX_CONTRACT_WORKSPACES = 20;

// Error and fatal entries only, redacted whole before anything quotes them (see create-diagnosis-port.ts).
const readErrorEntries = async (
  context: GatewayContext,
  workspaceId: string,
  window: { since: string; now: string },
  max: number,
): Promise<{ entries: LogEntry[]; truncated: boolean }> => {
  const { client } = await context.session();
  const entries: LogEntry[] = [];
  for (let offset = 0; entries.length < max; ) {
    const page = await client.listLogs({
      workspaceId,
      from: window.since,
      to: window.now,
      levels: [LOG_LEVELS.error, LOG_LEVELS.fatal],
      offset,
      limit: Math.min(LOG_CHUNK, max - entries.length),
    });
    entries.push(...page.entries.map((entry) => ({ ...entry, message: redactSecrets(entry.message) })));
    if (!page.hasMore) return { entries, truncated: false };
    offset += page.entries.length;
  }
  return { entries, truncated: true };
};

const credentialNames = async (context: GatewayContext, workspaceId: string): Promise<[string, string][]> => {
  const { client } = await context.session();
  // Names make the answer readable; a caller who may not list credentials still gets ids.
  const credentials = await client.listCredentials({ workspaceId }).catch(() => []);
  return credentials.map((credential) => [credential.id, credential.name]);
};

/** What one workspace contributes: its flows, the window's error entries, its components and credential names. */
const readWorkspace = async (
  context: GatewayContext,
  workspaceId: string,
  window: { since: string; now: string },
  maxEntries: number,
) => {
  const session = await context.session();
  const [flows, read, components, names] = await Promise.all([
    session.loaders.workspaceFlows.load(workspaceId),
    readErrorEntries(context, workspaceId, window, maxEntries),
    session.loaders.workspaceComponents.load(workspaceId).catch(() => undefined),
    credentialNames(context, workspaceId),
  ]);
  return { workspaceId, flows: [...flows.values()], read, components, names };
};

type WorkspaceReading = Awaited<ReturnType<typeof readWorkspace>>;

/** The versions of each failing flow, once (shared with any diagnosis in the same request). */
const readVersions = async (context: GatewayContext, flowIds: readonly string[]) => {
  const shared = await diagnosesOf(context).shared();
  const versions = new Map<string, readonly FlowVersion[]>();
  await Promise.all(
    flowIds.map(async (flowId) => {
      const found = await shared.port.flowVersions?.(flowId).catch(() => undefined);
      if (found) versions.set(flowId, found);
    }),
  );
  return versions;
};

/** The root causes across the workspaces read: a host, credential or component version shared by several is one. */
const combine = async (
  context: GatewayContext,
  readings: readonly WorkspaceReading[],
  window: { since: string; now: string },
) => {
  const flows = readings.flatMap((reading) => reading.flows);
  const groups = classifyGroups(
    readings.flatMap((reading) => reading.read.entries),
    flows,
  );
  const known = new Set(flows.map((flow) => flow.id));
  const failing = new Set(
    groups
      .filter(({ group }) => group.executionCount >= MIN_FAILED_EXECUTIONS && known.has(group.flowId))
      .map(({ group }) => group.flowId),
  );
  const components = new Map(readings.flatMap((reading) => [...(reading.components ?? new Map()).entries()]));
  const rootCauses = findRootCauses({
    flows,
    groups,
    ...(components.size > 0 ? { components } : {}),
    versions: await readVersions(context, [...failing]),
    credentialNames: new Map(readings.flatMap((reading) => reading.names)),
  });
  return {
    from: window.since,
    to: window.now,
    rootCauses,
    workspaceIds: readings.map((reading) => reading.workspaceId),
    flowsRead: flows.length,
    errorsRead: readings.reduce((sum, reading) => sum + reading.read.entries.length, 0),
    truncated: readings.some((reading) => reading.read.truncated),
  };
};

/**
 * A workspace's root causes in a window. Platform reads are fixed per request, whatever the number of error groups:
 * one flow listing, the window's error entries, one component listing, one credential listing, and the versions of
 * each failing flow once (shared with any diagnosis in the same request).
 */
export const readRootCauses = async (
  context: GatewayContext,
  workspaceId: string,
  window: { since: string; now: string },
): Promise<RootCauseReport> => {
  const reading = await readWorkspace(context, workspaceId, window, context.limits.maxLogScan);
  return { ...(await combine(context, [reading], window)), skippedWorkspaceIds: [] };
};

const isRefusal = (error: unknown): boolean => {
  const code = codeOfUpstreamError(error);
  return code === "FORBIDDEN" || code === "NOT_FOUND";
};

/**
 * A contract's root causes in a window, across its workspaces the caller may read (at most
 * {@link MAX_CONTRACT_WORKSPACES}; the entries one request reads, `MAX_LOG_SCAN`, are shared among them). Workspaces
 * whose logs the platform refuses the caller are left out and named; the same reads as a workspace's, per workspace.
 */
export const readContractRootCauses = async (
  context: GatewayContext,
  contractId: string,
  window: { since: string; now: string },
): Promise<RootCauseReport> => {
  const session = await context.session();
  await session.loaders.contract.load(contractId);
  const page = await session.client.listWorkspaces({ contractId, pageSize: MAX_CONTRACT_WORKSPACES + 1 });
  const workspaceIds = page.items.slice(0, MAX_CONTRACT_WORKSPACES).map((workspace) => workspace.id);
  const maxEntries = Math.max(
    LOG_CHUNK,
    Math.floor(context.limits.maxLogScan / Math.max(1, workspaceIds.length)),
  );
  const settled = await Promise.all(
    workspaceIds.map((workspaceId) =>
      readWorkspace(context, workspaceId, window, maxEntries).then(
        (reading) => ({ reading, workspaceId }),
        (error: unknown) => {
          if (isRefusal(error)) return { reading: undefined, workspaceId };
          throw error;
        },
      ),
    ),
  );
  const readings = settled.flatMap(({ reading }) => (reading === undefined ? [] : [reading]));
  const report = await combine(context, readings, window);
  return {
    ...report,
    skippedWorkspaceIds: settled
      .filter(({ reading }) => reading === undefined)
      .map(({ workspaceId }) => workspaceId),
    truncated: report.truncated || page.items.length > MAX_CONTRACT_WORKSPACES,
  };
};
