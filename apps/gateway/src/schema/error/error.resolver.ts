import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import { encodeCursor } from "../common/cursor.js";
import { PageArgs, readPageArgs } from "../common/page.args.js";
import { toConnection } from "../common/page-window.js";
import { toLogsQuery } from "../log/to-log-entry.js";
import { FlowErrorConnection } from "./error.connection.js";
import { loadErrorFacts, toFlowError } from "./error-facts.js";
import { ErrorFilter } from "./error-filter.input.js";
import { ErrorGroupConnection, type ErrorGroupData, ErrorGroupType } from "./error-group.type.js";
import { causesOf, groupErrorsScan } from "./group-errors-scan.js";
import { scanErrors } from "./scan-errors.js";

@Resolver()
export class ErrorResolver {
  @Query(() => FlowErrorConnection, {
    description:
      "The error inbox: a workspace's error and fatal log entries, newest first, each classified. Filtering by cause classifies before paging; a request reads at most MAX_LOG_SCAN entries and says so in `scan`.",
  })
  async errors(
    @Arg("workspaceId", () => ID) workspaceId: string,
    @Arg("filter", () => ErrorFilter, { nullable: true }) filter: ErrorFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<FlowErrorConnection> {
    const window = readPageArgs(args, context.limits);
    const session = await context.session();
    const causes = causesOf(filter);
    const scan = await scanErrors({
      client: session.client,
      query: toLogsQuery(workspaceId, filter),
      facts: await loadErrorFacts(session, workspaceId),
      ...(causes ? { causes } : {}),
      startOffset: window.offset,
      want: window.first + 1,
      maxScan: context.limits.maxLogScan,
    });
    const items = scan.items.slice(0, window.first);
    const edges = items.map((item) => ({ cursor: encodeCursor(item.position), node: toFlowError(item) }));
    const lastCursor = edges.at(-1)?.cursor ?? null;
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      totalCount: causes ? null : scan.total,
      scan: { scanned: scan.scanned, maxScan: context.limits.maxLogScan, limitReached: scan.limitReached },
      pageInfo: {
        hasNextPage: scan.items.length > window.first || scan.limitReached,
        hasPreviousPage: window.offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        // Past the limit, continue after the last entry read, not the last match: nothing is read twice.
        endCursor: scan.limitReached && scan.lastPosition >= 0 ? encodeCursor(scan.lastPosition) : lastCursor,
      },
    };
  }

  @Query(() => ErrorGroupConnection, {
    description:
      "A workspace's errors grouped by fingerprint (flow, step, normalised message), latest first. Groups cover the newest MAX_LOG_SCAN error entries; `scan` says when that limit cut them.",
  })
  async errorGroups(
    @Arg("workspaceId", () => ID) workspaceId: string,
    @Arg("filter", () => ErrorFilter, { nullable: true }) filter: ErrorFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ErrorGroupConnection> {
    const window = readPageArgs(args, context.limits);
    const { groups, scan } = await groupErrorsScan(context, workspaceId, filter);
    const page = groups.slice(window.offset, window.offset + window.first);
    const connection = toConnection(page, window, groups.length);
    return {
      edges: [...connection.edges],
      nodes: page,
      pageInfo: connection.pageInfo,
      totalCount: groups.length,
      scan: { scanned: scan.scanned, maxScan: context.limits.maxLogScan, limitReached: scan.limitReached },
    };
  }

  @Query(() => ErrorGroupType, {
    nullable: true,
    description: "One error group by fingerprint; NOT_FOUND when the scanned errors have none.",
  })
  async errorGroup(
    @Arg("workspaceId", () => ID) workspaceId: string,
    @Arg("fingerprint", () => String) fingerprint: string,
    @Arg("filter", () => ErrorFilter, { nullable: true }) filter: ErrorFilter | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<ErrorGroupData> {
    const { groups } = await groupErrorsScan(context, workspaceId, filter);
    const group = groups.find((candidate) => candidate.fingerprint === fingerprint);
    if (!group) {
      throw new GatewayGraphQLError(
        "NOT_FOUND",
        `No error group with fingerprint ${fingerprint} among the scanned errors.`,
        {
          details: { argument: "fingerprint" },
        },
      );
    }
    return group;
  }
}
