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

const LOG_CHUNK = 1000;
const MIN_FAILED_EXECUTIONS = 2;

/** The root causes of a workspace's window and how much of the platform's data they stand on. */
export interface RootCauseReport {
  readonly from: string;
  readonly to: string;
  readonly rootCauses: readonly RootCause[];
  readonly flowsRead: number;
  readonly errorsRead: number;
  /** True when the window held more error entries than one request reads (`MAX_LOG_SCAN`). */
  readonly truncated: boolean;
}

// Error and fatal entries only, redacted whole before anything quotes them (see create-diagnosis-port.ts).
const readErrorEntries = async (
  context: GatewayContext,
  workspaceId: string,
  from: string,
  to: string,
): Promise<{ entries: LogEntry[]; truncated: boolean }> => {
  const { client } = await context.session();
  const max = context.limits.maxLogScan;
  const entries: LogEntry[] = [];
  for (let offset = 0; entries.length < max; ) {
    const page = await client.listLogs({
      workspaceId,
      from,
      to,
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

const credentialNames = async (
  context: GatewayContext,
  workspaceId: string,
): Promise<Map<string, string>> => {
  const { client } = await context.session();
  // Names make the answer readable; a caller who may not list credentials still gets ids.
  const credentials = await client.listCredentials({ workspaceId }).catch(() => []);
  return new Map(credentials.map((credential) => [credential.id, credential.name]));
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
  const session = await context.session();
  const shared = await diagnosesOf(context).shared();
  const [flows, read, components, names] = await Promise.all([
    session.loaders.workspaceFlows.load(workspaceId),
    readErrorEntries(context, workspaceId, window.since, window.now),
    session.loaders.workspaceComponents.load(workspaceId).catch(() => undefined),
    credentialNames(context, workspaceId),
  ]);
  const groups = classifyGroups(read.entries);
  const failing = new Set(
    groups
      .filter(({ group }) => group.executionCount >= MIN_FAILED_EXECUTIONS)
      .map(({ group }) => group.flowId),
  );
  const loadVersions = shared.port.flowVersions;
  const versions = new Map<string, readonly FlowVersion[]>();
  await Promise.all(
    [...failing]
      .filter((flowId) => flows.has(flowId))
      .map(async (flowId) => {
        const found = await loadVersions?.(flowId).catch(() => undefined);
        if (found) versions.set(flowId, found);
      }),
  );
  const rootCauses = findRootCauses({
    flows: [...flows.values()],
    groups,
    ...(components ? { components } : {}),
    versions,
    credentialNames: names,
  });
  return {
    from: window.since,
    to: window.now,
    rootCauses,
    flowsRead: flows.size,
    errorsRead: read.entries.length,
    truncated: read.truncated,
  };
};
