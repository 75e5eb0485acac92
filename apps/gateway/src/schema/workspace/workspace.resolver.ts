import type { Contract, Workspace } from "@flowdoctor/core";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import type { ConnectionData } from "../common/connection.type.js";
import { PageArgs, readPageArgs } from "../common/page.args.js";
import { readWindow } from "../common/page-window.js";
import { ContractType } from "../contract/contract.type.js";
import { WorkspaceConnection } from "./workspace.connection.js";
import { WorkspaceType } from "./workspace.type.js";

@Resolver(() => WorkspaceType)
export class WorkspaceResolver {
  @Query(() => WorkspaceConnection, {
    description: "The workspaces the caller is a member of, optionally of one contract.",
  })
  async workspaces(
    @Arg("contractId", () => ID, { nullable: true }) contractId: string | null | undefined,
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
  async workspace(@Arg("id", () => ID) id: string, @Ctx() context: GatewayContext): Promise<Workspace> {
    return (await context.session()).loaders.workspace.load(id);
  }

  @FieldResolver(() => ContractType, {
    nullable: true,
    description: "The contract the workspace belongs to.",
  })
  async contract(@Root() workspace: Workspace, @Ctx() context: GatewayContext): Promise<Contract> {
    return (await context.session()).loaders.contract.load(workspace.contractId);
  }
}
