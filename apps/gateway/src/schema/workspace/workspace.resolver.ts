import type { Contract, Flow, Workspace } from "@flowdoctor/core";
import type { GroupState } from "@flowdoctor/inbox";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import type { ConnectionData } from "../common/connection.type.js";
import { PageArgs, readPageArgs } from "../common/page.args.js";
import { readWindow } from "../common/page-window.js";
import { ContractType } from "../contract/contract.type.js";
import { FlowErrorConnection } from "../error/error.connection.js";
import { ErrorFilter } from "../error/error-filter.input.js";
import { ErrorGroupConnection } from "../error/error-group.type.js";
import { readErrorGroupsPage, readErrorsPage } from "../error/read-errors-page.js";
import { FlowConnection } from "../flow/flow.connection.js";
import { FlowFilter } from "../flow/flow-filter.input.js";
import { readFlowsPage } from "../flow/read-flows-page.js";
import { ErrorGroupStateEnum } from "../inbox/group-state.enum.js";
import { WorkspaceConnection } from "./workspace.connection.js";
import { WorkspaceType } from "./workspace.type.js";

@Resolver(() => WorkspaceType)
export class WorkspaceResolver {
  @Query(() => WorkspaceConnection, {
    nullable: true,
    description:
      "The workspaces the caller is a member of, optionally of one contract; null with the error when the platform refuses the contract.",
  })
  async workspaces(
    @Arg("contractId", () => ID, { description: "The contract whose workspaces to list.", nullable: true })
    contractId: string | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<Workspace>> {
    const window = readPageArgs(args, context.limits);
    const { client } = await context.session();
    const filter = contractId ? { contractId } : {};
    return readWindow((page) => client.listWorkspaces({ ...page, ...filter }), window);
  }

  @Query(() => WorkspaceType, {
    nullable: true,
    description: "One workspace; null with NOT_FOUND or FORBIDDEN when it is not visible.",
  })
  async workspace(
    @Arg("id", () => ID, {
      description: "The workspace's platform id (after `/w/` in the app's address bar).",
    })
    id: string,
    @Ctx() context: GatewayContext,
  ): Promise<Workspace> {
    return (await context.session()).loaders.workspace.load(id);
  }

  @FieldResolver(() => ContractType, {
    nullable: true,
    description: "The contract the workspace belongs to.",
  })
  async contract(@Root() workspace: Workspace, @Ctx() context: GatewayContext): Promise<Contract> {
    return (await context.session()).loaders.contract.load(workspace.contractId);
  }

  @FieldResolver(() => FlowConnection, {
    nullable: true,
    description:
      "The workspace's flows (as `Query.flows`); null with the error when the platform refuses them.",
  })
  async flows(
    @Root() workspace: Workspace,
    @Arg("filter", () => FlowFilter, {
      description: "Narrows the flows by status, type or search text.",
      nullable: true,
    })
    filter: FlowFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<Flow>> {
    return readFlowsPage(context, workspace.id, filter, args);
  }

  @FieldResolver(() => FlowErrorConnection, {
    nullable: true,
    description:
      "The workspace's error inbox (as `Query.errors`); null with FORBIDDEN when you may not read its logs.",
  })
  async errors(
    @Root() workspace: Workspace,
    @Arg("filter", () => ErrorFilter, {
      description: "Narrows the inbox as in `Query.errors`.",
      nullable: true,
    })
    filter: ErrorFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<FlowErrorConnection> {
    return readErrorsPage(context, workspace.id, filter, args);
  }

  @FieldResolver(() => ErrorGroupConnection, {
    nullable: true,
    description:
      "The workspace's error groups (as `Query.errorGroups`); null with FORBIDDEN when you may not read its logs.",
  })
  async errorGroups(
    @Root() workspace: Workspace,
    @Arg("filter", () => ErrorFilter, {
      description: "Narrows the entries grouped as in `Query.errors`.",
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
    return readErrorGroupsPage(context, workspace.id, filter, args, states);
  }
}
