import type { Classification, Flow } from "@flowdoctor/core";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { checkFirst } from "../common/page.args.js";
import { FlowType } from "../flow/flow.type.js";
import { type FlowStepData, FlowStepType } from "../flow/flow-step.type.js";
import { toFlowSteps } from "../flow/to-flow-steps.js";
import { ErrorGroupStatusType, toStatus } from "../inbox/error-group-status.type.js";
import { ClassificationType } from "./classification.type.js";
import type { ErrorGroupData } from "./error-group.type.js";
import { ErrorGroupType } from "./error-group.type.js";
import { type FlowErrorData, FlowErrorType } from "./flow-error.type.js";

@Resolver(() => ErrorGroupType)
export class ErrorGroupResolver {
  @FieldResolver(() => ClassificationType, { description: "The classification of the group's latest entry." })
  classification(@Root() group: ErrorGroupData): Classification {
    return group.sample.classify(group.sample);
  }

  @FieldResolver(() => ErrorGroupStatusType, {
    description:
      "What the inbox remembers of the group: its state, who set it and why (NEW when never stored).",
  })
  status(@Root() group: ErrorGroupData): ErrorGroupStatusType {
    return toStatus(group.status);
  }

  @FieldResolver(() => FlowType, {
    description: "The flow it happens in; null with the error when the platform refuses it.",
    nullable: true,
  })
  async flow(@Root() group: ErrorGroupData, @Ctx() context: GatewayContext): Promise<Flow> {
    return (await context.session()).loaders.flow.load(group.flowId);
  }

  @FieldResolver(() => FlowStepType, {
    description: "The step that logs it, if the flow still has it.",
    nullable: true,
  })
  async step(@Root() group: ErrorGroupData, @Ctx() context: GatewayContext): Promise<FlowStepData | null> {
    const flow = await (await context.session()).loaders.flow.load(group.flowId);
    return toFlowSteps(flow).find((step) => step.id === group.stepId) ?? null;
  }

  @FieldResolver(() => [FlowErrorType], {
    description: "The group's entries among those scanned, newest first.",
  })
  errors(
    @Root() group: ErrorGroupData,
    @Arg("first", () => Int, { description: "How many entries to return, newest first.", defaultValue: 20 })
    first: number,
    @Ctx() context: GatewayContext,
  ): FlowErrorData[] {
    return group.entries.slice(0, checkFirst(first, context.limits));
  }
}
