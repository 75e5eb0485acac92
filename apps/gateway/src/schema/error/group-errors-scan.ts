import { createErrorGrouper, type Flow } from "@flowdoctor/core";
import type { GatewayContext } from "../../context.js";
import { toLogsQuery } from "../log/to-log-entry.js";
import { loadErrorFacts } from "./error-facts.js";
import type { ErrorFilter } from "./error-filter.input.js";
import type { ScannedGroup } from "./error-group.type.js";
import { isFilteredByGateway, judgeErrors } from "./error-judge.js";
import type { FlowErrorData } from "./flow-error.type.js";
import { type ErrorScan, scanErrors } from "./scan-errors.js";

/** Groups found in one scan, the scan, and the workspace's flows it read. */
export interface GroupedScan {
  readonly groups: ScannedGroup[];
  readonly scan: ErrorScan;
  readonly flows: ReadonlyMap<string, Flow>;
}

// Scans under way, by caller and question: identical requests that arrive together (a dashboard's polls, a
// page and its neighbours) share one read of the platform instead of each classifying the same entries.
// Only in-flight work is shared; nothing outlives the scan, so every later request reads afresh.
const scansInFlight = new Map<string, Promise<GroupedScan>>();

/**
 * Reads a workspace's error entries (up to MAX_LOG_SCAN, newest first), classifies them and groups them by
 * fingerprint with core's grouper (per flow and step). Concurrent identical requests of one user share the scan.
 */
export const groupErrorsScan = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
): Promise<GroupedScan> => {
  const session = await context.session();
  const key = JSON.stringify([session.user.id, workspaceId, filter ?? null, context.limits.maxLogScan]);
  const shared = scansInFlight.get(key);
  if (shared) {
    // The flows the scan read serve this request's fields too, as they do the request that started it.
    const grouped = await shared;
    for (const flow of grouped.flows.values()) session.loaders.flow.prime(flow.id, flow);
    return grouped;
  }
  const scan = context.scanSlots
    .run(() => scanAndGroup(context, workspaceId, filter))
    .finally(() => scansInFlight.delete(key));
  scansInFlight.set(key, scan);
  return scan;
};

const scanAndGroup = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
): Promise<GroupedScan> => {
  const session = await context.session();
  const facts = loadErrorFacts(session, workspaceId);
  const scan = await scanErrors({
    client: session.client,
    query: toLogsQuery(workspaceId, filter),
    judge: facts.then((loaded) => judgeErrors(loaded, filter)),
    filtered: isFilteredByGateway(filter),
    startOffset: 0,
    want: Number.POSITIVE_INFINITY,
    maxScan: context.limits.maxLogScan,
  });
  const grouper = createErrorGrouper<FlowErrorData>({ scope: "step", keepEntries: true });
  for (const item of scan.items) grouper.add(item.error);
  const groups = grouper.groups().map((group) => ({ ...group, entries: group.entries ?? [] }));
  return { groups, scan, flows: (await facts).flows };
};
