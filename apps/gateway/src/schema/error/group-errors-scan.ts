import { type Cause, createErrorGrouper } from "@flowdoctor/core";
import type { GatewayContext } from "../../context.js";
import { toLogsQuery } from "../log/to-log-entry.js";
import type { ErrorFacts } from "./classify-entry.js";
import { loadErrorFacts, toFlowError } from "./error-facts.js";
import type { ErrorFilter } from "./error-filter.input.js";
import type { ErrorGroupData } from "./error-group.type.js";
import type { FlowErrorData } from "./flow-error.type.js";
import { type ErrorMatcher, type ErrorScan, scanErrors } from "./scan-errors.js";

/** Groups found in one scan, and the scan. */
export interface GroupedScan {
  readonly groups: ErrorGroupData[];
  readonly scan: ErrorScan;
}

const setOf = <TValue>(values: readonly TValue[] | null | undefined): ReadonlySet<TValue> | undefined =>
  values?.length ? new Set(values) : undefined;

/**
 * What the gateway itself must check of each scanned error (the platform filters none of these), or undefined
 * when every error the platform returns matches.
 */
export const errorMatcherOf = (
  filter: ErrorFilter | null | undefined,
  facts: ErrorFacts,
): ErrorMatcher | undefined => {
  const causes = setOf<Cause>(filter?.causes);
  const steps = setOf(filter?.stepIds);
  const levels = setOf(filter?.levels);
  const authors = setOf(filter?.authorIds);
  if (!causes && !steps && !levels && !authors) return undefined;
  return ({ entry, classification }) =>
    (!causes || causes.has(classification.cause)) &&
    (!steps || steps.has(entry.stepId)) &&
    (!levels || levels.has(entry.levelName)) &&
    (!authors || authors.has(facts.flows.get(entry.flowId)?.authorId ?? ""));
};

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
  if (shared) return shared;
  const scan = scanAndGroup(context, workspaceId, filter).finally(() => scansInFlight.delete(key));
  scansInFlight.set(key, scan);
  return scan;
};

const scanAndGroup = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
): Promise<GroupedScan> => {
  const session = await context.session();
  const facts = await loadErrorFacts(session, workspaceId);
  const matches = errorMatcherOf(filter, facts);
  const scan = await scanErrors({
    client: session.client,
    query: toLogsQuery(workspaceId, filter),
    facts,
    ...(matches ? { matches } : {}),
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
