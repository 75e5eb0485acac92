import type { GroupState } from "@flowdoctor/inbox";
import type { GatewayContext } from "../../context.js";
import { encodeCursor, LAST_LOG_POSITION } from "../common/cursor.js";
import { type PageArgs, type PageWindow, readPageArgs } from "../common/page.args.js";
import { toConnection } from "../common/page-window.js";
import { inStates, withStatuses } from "../inbox/group-statuses.js";
import { toLogsQuery } from "../log/to-log-entry.js";
import type { FlowErrorConnection } from "./error.connection.js";
import { loadErrorFacts } from "./error-facts.js";
import type { ErrorFilter } from "./error-filter.input.js";
import type { ErrorGroupConnection } from "./error-group.type.js";
import { isFilteredByGateway, judgeErrors } from "./error-judge.js";
import { groupErrorsScan } from "./group-errors-scan.js";
import { scanErrors } from "./scan-errors.js";

/**
 * The moment a walk is anchored to: its cursor's, else now (or the filter's `to` when earlier). Entries the platform
 * receives later fall after it, so they neither shift the walk's offsets nor appear in it; `newerCount` counts them.
 */
const anchorOf = (window: PageWindow, filter: ErrorFilter | null | undefined, now: Date): Date => {
  if (window.anchor !== undefined) return window.anchor;
  const to = filter?.to ? new Date(filter.to) : undefined;
  return to !== undefined && to.getTime() < now.getTime() ? to : now;
};

/** Counts the errors (as the filter selects them) logged after the anchor, reading at most MAX_LOG_SCAN entries. */
const countNewer = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
  anchor: Date,
): Promise<number> => {
  const after = new Date(anchor.getTime() + 1);
  const from =
    filter?.from && new Date(filter.from).getTime() > after.getTime() ? new Date(filter.from) : after;
  if (filter?.to && new Date(filter.to).getTime() < from.getTime()) return 0;
  const session = await context.session();
  const filtered = isFilteredByGateway(filter);
  const scan = await context.scanSlots.run(() =>
    scanErrors({
      client: session.client,
      query: toLogsQuery(workspaceId, { ...filter, from: from.toISOString() }),
      judge: loadErrorFacts(session, workspaceId).then((facts) => judgeErrors(facts, filter)),
      filtered,
      startOffset: 0,
      want: filtered ? Number.POSITIVE_INFINITY : 1,
      maxScan: context.limits.maxLogScan,
    }),
  );
  return filtered ? scan.items.length : scan.total;
};

/**
 * One page of a workspace's error inbox (`Query.errors` and `Workspace.errors`), anchored to the moment of the walk's
 * first page (its cursors carry it), so errors that arrive meanwhile neither repeat nor push items out of the walk.
 */
export const readErrorsPage = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
  args: PageArgs,
): Promise<FlowErrorConnection> => {
  const window = readPageArgs(args, context.limits, LAST_LOG_POSITION);
  const anchor = anchorOf(window, filter, new Date());
  const session = await context.session();
  const filtered = isFilteredByGateway(filter);
  const scan = await context.scanSlots.run(() =>
    scanErrors({
      client: session.client,
      query: toLogsQuery(workspaceId, { ...filter, to: anchor.toISOString() }),
      judge: loadErrorFacts(session, workspaceId).then((facts) => judgeErrors(facts, filter)),
      filtered,
      startOffset: window.offset,
      want: window.first + 1,
      maxScan: context.limits.maxLogScan,
    }),
  );
  const items = scan.items.slice(0, window.first);
  const edges = items.map((item) => ({ cursor: encodeCursor(item.position, anchor), node: item.error }));
  const lastCursor = edges.at(-1)?.cursor ?? null;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: filtered ? null : scan.total,
    scan: { scanned: scan.scanned, maxScan: context.limits.maxLogScan, limitReached: scan.limitReached },
    pageInfo: {
      hasNextPage: scan.items.length > window.first || scan.limitReached,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      // Past the limit, continue after the last entry read, not the last match: nothing is read twice.
      endCursor:
        scan.limitReached && scan.lastPosition >= 0 ? encodeCursor(scan.lastPosition, anchor) : lastCursor,
      countNewer: () => countNewer(context, workspaceId, filter, anchor),
    },
  };
};

/** One page of a workspace's error groups (`Query.errorGroups` and `Workspace.errorGroups`). */
export const readErrorGroupsPage = async (
  context: GatewayContext,
  workspaceId: string,
  filter: ErrorFilter | null | undefined,
  args: PageArgs,
  states?: readonly GroupState[] | null,
): Promise<ErrorGroupConnection> => {
  const window = readPageArgs(args, context.limits);
  const scanned = await groupErrorsScan(context, workspaceId, filter);
  const { scan } = scanned;
  const groups = inStates(await withStatuses(context, workspaceId, scanned.groups), states);
  const page = groups.slice(window.offset, window.offset + window.first);
  const connection = toConnection(page, window, groups.length);
  return {
    edges: [...connection.edges],
    nodes: page,
    pageInfo: connection.pageInfo,
    totalCount: groups.length,
    scan: { scanned: scan.scanned, maxScan: context.limits.maxLogScan, limitReached: scan.limitReached },
  };
};
