import { type Classification, type Flow, fingerprintError, type User } from "@flowdoctor/core";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { checkFirst } from "../common/page.args.js";
import { FlowType } from "../flow/flow.type.js";
import { type FlowStepData, FlowStepType } from "../flow/flow-step.type.js";
import { toFlowSteps } from "../flow/to-flow-steps.js";
import { type LogEntryData, LogEntryType } from "../log/log-entry.type.js";
import { toLogEntry } from "../log/to-log-entry.js";
import { UserType } from "../user/user.type.js";
import { ClassificationType } from "./classification.type.js";
import { type FlowErrorData, FlowErrorType } from "./flow-error.type.js";

const MINUTE = 60_000;

@Resolver(() => FlowErrorType)
export class FlowErrorResolver {
  @FieldResolver(() => ClassificationType, {
    description: "Its cause, level, remedy and documentation link, per the taxonomy.",
  })
  classification(@Root() error: FlowErrorData): Classification {
    return error.classify(error);
  }

  @FieldResolver(() => String, {
    description: "The same for every occurrence of this problem at this flow and step.",
  })
  fingerprint(@Root() error: FlowErrorData): string {
    return fingerprintError(error);
  }

  @FieldResolver(() => FlowType, { nullable: true, description: "The flow the error happened in." })
  async flow(@Root() error: FlowErrorData, @Ctx() context: GatewayContext): Promise<Flow> {
    return (await context.session()).loaders.flow.load(error.flowId);
  }

  @FieldResolver(() => FlowStepType, {
    nullable: true,
    description: "The step that logged the error, if the flow still has it.",
  })
  async step(@Root() error: FlowErrorData, @Ctx() context: GatewayContext): Promise<FlowStepData | null> {
    const flow = await (await context.session()).loaders.flow.load(error.flowId);
    return toFlowSteps(flow).find((step) => step.id === error.stepId) ?? null;
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: "The flow's author: who to ask about its logic.",
  })
  async author(@Root() error: FlowErrorData, @Ctx() context: GatewayContext): Promise<User> {
    const { loaders } = await context.session();
    return loaders.user.load((await loaders.flow.load(error.flowId)).authorId);
  }

  @FieldResolver(() => [LogEntryType], {
    description:
      "The execution's log entries at every level around the error (15 minutes before to 5 after), newest first: one platform call.",
  })
  async logs(
    @Root() error: FlowErrorData,
    @Arg("first", () => Int, { description: "How many entries to return, newest first.", defaultValue: 50 })
    first: number,
    @Ctx() context: GatewayContext,
  ): Promise<LogEntryData[]> {
    checkFirst(first, context.limits);
    const time = new Date(error.timestamp).getTime();
    const page = await (await context.session()).client.listLogs({
      workspaceId: error.workspaceId,
      flowIds: [error.flowId],
      from: new Date(time - 15 * MINUTE).toISOString(),
      to: new Date(time + 5 * MINUTE).toISOString(),
      limit: 1000,
    });
    const sameRun = (entry: { threadId?: string; execId?: string }) =>
      error.threadId
        ? entry.threadId === error.threadId
        : error.execId
          ? entry.execId === error.execId
          : true;
    return page.entries.filter(sameRun).slice(0, first).map(toLogEntry);
  }
}
