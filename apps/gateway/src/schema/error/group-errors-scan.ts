import { type Cause, createErrorGrouper } from "@flowdoctor/core";
import type { GatewayContext } from "../../context.js";
import { toLogsQuery } from "../log/to-log-entry.js";
import { loadErrorFacts, toFlowError } from "./error-facts.js";
import type { ErrorFilter } from "./error-filter.input.js";
import type { ErrorGroupData } from "./error-group.type.js";
import type { FlowErrorData } from "./flow-error.type.js";
import { type ErrorScan, scanErrors } from "./scan-errors.js";

/** Groups found in one scan, and the scan. */
export interface GroupedScan {
  readonly groups: ErrorGroupData[];
  readonly scan: ErrorScan;
}

/** The causes of a filter as a set, or undefined for all. */
export const causesOf = (filter: ErrorFilter | null | undefined): ReadonlySet<Cause> | undefined =>
  filter?.causes?.length ? new Set(filter.causes) : undefined;

/**
 * Reads a workspace's error entries (up to MAX_LOG_SCAN, newest first), classifies them and groups them by
 * fingerprint with core's grouper (per flow and step).
 */
export const groupErrorsScan = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
): Promise<GroupedScan> => {
  const session = await context.session();
  const causes = causesOf(filter);
  const scan = await scanErrors({
    client: session.client,
    query: toLogsQuery(workspaceId, filter),
    facts: await loadErrorFacts(session, workspaceId),
    ...(causes ? { causes } : {}),
    startOffset: 0,
    want: Number.POSITIVE_INFINITY,
    maxScan: context.limits.maxLogScan,
  });
  const grouper = createErrorGrouper<FlowErrorData>({ scope: "step" });
  const entries = new Map<string, FlowErrorData[]>();
  for (const item of scan.items) {
    const error = toFlowError(item);
    grouper.add(error);
    entries.set(error.fingerprint, [...(entries.get(error.fingerprint) ?? []), error]);
  }
  const groups = grouper
    .groups()
    .map((group) => ({ ...group, entries: entries.get(group.fingerprint) ?? [] }));
  return { groups, scan };
};
