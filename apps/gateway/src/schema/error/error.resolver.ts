import type { GroupState } from "@flowdoctor/inbox";
import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import { PageArgs } from "../common/page.args.js";
import { ErrorGroupStateEnum } from "../inbox/group-state.enum.js";
import { withStatuses } from "../inbox/group-statuses.js";
import { FlowErrorConnection } from "./error.connection.js";
import { ErrorFilter } from "./error-filter.input.js";
import { ErrorGroupConnection, type ErrorGroupData, ErrorGroupType } from "./error-group.type.js";
import { groupErrorsScan } from "./group-errors-scan.js";
import { readErrorGroupsPage, readErrorsPage } from "./read-errors-page.js";

@Resolver()
export class ErrorResolver {
  @Query(() => FlowErrorConnection, {
    nullable: true,
    description:
      "The error inbox: a workspace's error and fatal log entries, newest first, each classified. Filtering by cause classifies before paging; a request reads at most MAX_LOG_SCAN entries and says so in `scan`. Null with FORBIDDEN or NOT_FOUND when you may not read the workspace's logs.",
  })
  async errors(
    @Arg("workspaceId", () => ID, {
      description: "The workspace whose error- and fatal-level log entries to read.",
    })
    workspaceId: string,
    @Arg("filter", () => ErrorFilter, {
      description: "Narrows the inbox by time, flow, step, cause, level, author or text.",
      nullable: true,
    })
    filter: ErrorFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<FlowErrorConnection> {
    return readErrorsPage(context, workspaceId, filter, args);
  }

  @Query(() => ErrorGroupConnection, {
    nullable: true,
    description:
      "A workspace's errors grouped by fingerprint (flow, step, normalised message), latest first. Groups cover the newest MAX_LOG_SCAN error entries; `scan` says when that limit cut them. Null with FORBIDDEN or NOT_FOUND when you may not read the workspace's logs.",
  })
  async errorGroups(
    @Arg("workspaceId", () => ID, { description: "The workspace whose errors to group." })
    workspaceId: string,
    @Arg("filter", () => ErrorFilter, {
      description: "Narrows the entries grouped, as in `errors`.",
      nullable: true,
    })
    filter: ErrorFilter | null | undefined,
    @Arg("states", () => [ErrorGroupStateEnum], {
      nullable: true,
      description: "Only groups in one of these inbox states (`ErrorGroup.status.state`); all when absent.",
    })
    states: GroupState[] | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ErrorGroupConnection> {
    return readErrorGroupsPage(context, workspaceId, filter, args, states);
  }

  @Query(() => ErrorGroupType, {
    nullable: true,
    description: "One error group by fingerprint; NOT_FOUND when the scanned errors have none.",
  })
  async errorGroup(
    @Arg("workspaceId", () => ID, { description: "The workspace the group belongs to." }) workspaceId: string,
    @Arg("fingerprint", () => String, { description: "An `ErrorGroup.fingerprint` read from `errorGroups`." })
    fingerprint: string,
    @Arg("filter", () => ErrorFilter, {
      description: "The same filter as the list the fingerprint came from, so counts match it.",
      nullable: true,
    })
    filter: ErrorFilter | null | undefined,
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
    const [withStatus] = await withStatuses(context, workspaceId, [group]);
    return withStatus as ErrorGroupData;
  }
}
