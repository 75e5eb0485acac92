import { STEP_STATES, type StepState } from "@flowdoctor/core";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { StepQueueType } from "../flow/step-parts.type.js";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const StepStateEnum = enumOf(STEP_STATES);
registerEnumType(StepStateEnum, {
  name: "StepState",
  description:
    "A step in the walked execution: SUCCEEDED, FAILED, STUCK (messages wait, no recent logs), NOT_REACHED (after a failing step), IDLE (no logs).",
});

@ObjectType("StepFirstError")
export class StepFirstErrorType {
  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType("StepWalk", { description: "One step of the manual go-through." })
export class StepWalkType {
  @Field(() => String)
  stepId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  command!: string;

  @Field(() => StepStateEnum)
  state!: StepState;

  @Field(() => DateTimeScalar, { nullable: true })
  lastLogAt?: string;

  @Field(() => StepFirstErrorType, { nullable: true })
  firstError?: StepFirstErrorType;

  @Field(() => Int, { description: "Executions in the window that reached the step." })
  executionsReached!: number;

  @Field(() => Int, { description: "Executions in the window in which the step logged an error." })
  executionsFailed!: number;

  @Field(() => StepQueueType, { nullable: true })
  queue?: StepQueueType;
}

@ObjectType("WalkThrough", {
  description: "The flow's steps in execution order, walked for the most recent failing execution.",
})
export class WalkThroughType {
  @Field(() => String, {
    nullable: true,
    description: "The execution walked (thread id), when one failed in the window.",
  })
  executionId?: string;

  @Field(() => [StepWalkType])
  steps!: StepWalkType[];

  @Field(() => String, { nullable: true, description: "The first step in execution order that breaks." })
  firstFailingStepId?: string;
}
