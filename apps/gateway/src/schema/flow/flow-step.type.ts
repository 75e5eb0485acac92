import type { Flow } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { JsonScalar } from "../common/scalars.js";

/** What a step resolves from: the node, its place in the flow, and the flow. */
export interface FlowStepData {
  readonly flow: Flow;
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly command: string;
  readonly componentId: string;
  readonly credentialId: string | null;
  readonly position: number;
  readonly isTrigger: boolean;
  readonly fields: unknown;
  readonly mapper: unknown;
  readonly previousStepId: string | null;
}

@ObjectType("FlowStep", { description: "One step of a flow, in execution order." })
export class FlowStepType {
  /** The platform's step id (`step_1`); GraphQL's `id` is global, see `FlowStepResolver.id`. */
  id!: string;

  @Field(() => String, { description: "The step's name as the designer shows it." })
  name!: string;

  @Field(() => String, { description: "The step's description, if its author wrote one.", nullable: true })
  description!: string | null;

  @Field(() => String, { description: "`{team}/{repo}:{function}[@version]`." })
  command!: string;

  @Field(() => ID, { description: "The platform id of the component the step runs." })
  componentId!: string;

  @Field(() => ID, {
    description: "The platform id of the credential the step uses; null without one.",
    nullable: true,
  })
  credentialId!: string | null;

  @Field(() => Int, { description: "0 for the trigger, then breadth-first along the flow's edges." })
  position!: number;

  @Field(() => Boolean, { description: "True for the first step, which starts each execution." })
  isTrigger!: boolean;

  @Field(() => JsonScalar, { nullable: true, description: "The step's configuration fields." })
  fields!: unknown;

  @Field(() => JsonScalar, {
    nullable: true,
    description: "The mapper on the edge that feeds this step (JSONata).",
  })
  mapper!: unknown;

  @Field(() => ID, {
    nullable: true,
    description:
      "The platform step id (as in `stepId`, e.g. `step_1`) of the step whose output the mapper reads.",
  })
  previousStepId!: string | null;
}
