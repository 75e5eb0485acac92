import type { Contract, Workspace } from "@flowdoctor/core";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import type { ConnectionData } from "../common/connection.type.js";
import { PageArgs, readPageArgs } from "../common/page.args.js";
import { readWindow } from "../common/page-window.js";
import { WorkspaceConnection } from "../workspace/workspace.connection.js";
import { ContractConnection } from "./contract.connection.js";
import { ContractType } from "./contract.type.js";

@Resolver(() => ContractType)
export class ContractResolver {
  @Query(() => ContractConnection, { description: "The contracts the caller is a member of." })
  async contracts(
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<Contract>> {
    const window = readPageArgs(args, context.limits);
    const { client } = await context.session();
    return readWindow((page) => client.listContracts(page), window);
  }

  @Query(() => ContractType, {
    nullable: true,
    description: "One contract; null with NOT_FOUND or FORBIDDEN when it is not visible.",
  })
  async contract(
    @Arg("id", () => ID, {
      description: "The contract's platform id (24 hex characters, after `/c/` in the app's address bar).",
    })
    id: string,
    @Ctx() context: GatewayContext,
  ): Promise<Contract> {
    return (await context.session()).loaders.contract.load(id);
  }

  @FieldResolver(() => WorkspaceConnection, { description: "The contract's workspaces the caller may see." })
  async workspaces(
    @Root() contract: Contract,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<Workspace>> {
    const window = readPageArgs(args, context.limits);
    const { client } = await context.session();
    return readWindow((page) => client.listWorkspaces({ ...page, contractId: contract.id }), window);
  }
}
