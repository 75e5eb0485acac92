import type { Flow, User, Workspace } from "@flowdoctor/core";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import type { ConnectionData } from "../common/connection.type.js";
import { PageArgs } from "../common/page.args.js";
import { UserType } from "../user/user.type.js";
import { WorkspaceType } from "../workspace/workspace.type.js";
import { FlowConnection } from "./flow.connection.js";
import { FlowType } from "./flow.type.js";
import { FlowFilter } from "./flow-filter.input.js";
import { type FlowStepData, FlowStepType } from "./flow-step.type.js";
import { readFlowsPage } from "./read-flows-page.js";
import { toFlowSteps } from "./to-flow-steps.js";

@Resolver(() => FlowType)
export class FlowResolver {
  @Query(() => FlowConnection, {
    nullable: true,
    description:
      "A workspace's flows, filtered by the platform; null with NOT_FOUND or FORBIDDEN when the workspace is not visible.",
  })
  async flows(
    @Arg("workspaceId", () => ID, { description: "The workspace whose flows to list." }) workspaceId: string,
    @Arg("filter", () => FlowFilter, {
      description: "Narrows the flows by status, type or a search over name and description.",
      nullable: true,
    })
    filter: FlowFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<Flow>> {
    return readFlowsPage(context, workspaceId, filter, args);
  }

  @Query(() => FlowType, {
    nullable: true,
    description: "One flow; null with NOT_FOUND or FORBIDDEN when it is not visible.",
  })
  async flow(
    @Arg("id", () => ID, {
      description: "The flow's platform id (after `/designer/` in the app's address bar).",
    })
    id: string,
    @Ctx() context: GatewayContext,
  ): Promise<Flow> {
    return (await context.session()).loaders.flow.load(id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: "Who created the flow." })
  async author(@Root() flow: Flow, @Ctx() context: GatewayContext): Promise<User> {
    return (await context.session()).loaders.user.load(flow.authorId);
  }

  @FieldResolver(() => WorkspaceType, {
    description: "The workspace the flow belongs to; null with the error when the platform refuses it.",
    nullable: true,
  })
  async workspace(@Root() flow: Flow, @Ctx() context: GatewayContext): Promise<Workspace> {
    return (await context.session()).loaders.workspace.load(flow.workspaceId);
  }

  @FieldResolver(() => [FlowStepType], {
    description: "The steps in execution order, trigger first; error handlers left out.",
  })
  steps(@Root() flow: Flow): FlowStepData[] {
    return toFlowSteps(flow);
  }
}
