import type { Component, CredentialRef, NodeConfig, StepQueueStats } from "@flowdoctor/core";
import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { type FlowStepData, FlowStepType } from "./flow-step.type.js";
import { globalStepId } from "./step-id.js";
import { ComponentType, CredentialType, StepConfigType, StepQueueType } from "./step-parts.type.js";

@Resolver(() => FlowStepType)
export class FlowStepResolver {
  @FieldResolver(() => ID, {
    description:
      "Unique across flows: `<flowId>:<stepId>`, a key for normalised client caches. Step filters accept it as well as `stepId`.",
  })
  id(@Root() step: FlowStepData): string {
    return globalStepId(step.flow.id, step.id);
  }

  @FieldResolver(() => String, {
    description:
      "The platform's step id, unique only within its flow (e.g. `step_1`), as in log entries and errors.",
  })
  stepId(@Root() step: FlowStepData): string {
    return step.id;
  }

  @FieldResolver(() => ComponentType, { nullable: true, description: "The component the step runs." })
  async component(@Root() step: FlowStepData, @Ctx() context: GatewayContext): Promise<Component> {
    const { loaders } = await context.session();
    // One listing covers every step of the workspace; a component outside it (or a refused listing) is read by id.
    const usable = await loaders.workspaceComponents.load(step.flow.workspaceId).catch(() => undefined);
    return usable?.get(step.componentId) ?? loaders.component.load(step.componentId);
  }

  @FieldResolver(() => CredentialType, {
    nullable: true,
    description: "The credential the step uses, if any.",
  })
  async credential(
    @Root() step: FlowStepData,
    @Ctx() context: GatewayContext,
  ): Promise<CredentialRef | null> {
    if (step.credentialId === null) return null;
    return (await context.session()).loaders.credential.load(step.credentialId);
  }

  @FieldResolver(() => StepQueueType, {
    nullable: true,
    description: "The step's queue; null when the platform reports none.",
  })
  async queue(@Root() step: FlowStepData, @Ctx() context: GatewayContext): Promise<StepQueueStats | null> {
    const stats = await (await context.session()).loaders.queueStats.load(step.flow.id);
    return stats.steps.find((entry) => entry.stepId === step.id) ?? null;
  }

  @FieldResolver(() => StepConfigType, { description: "The step's runtime settings." })
  config(@Root() step: FlowStepData): NodeConfig {
    return step.flow.nodesConfig[step.id] ?? {};
  }
}
