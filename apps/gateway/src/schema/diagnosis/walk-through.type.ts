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
  valuesConfig: {
    SUCCEEDED: { description: "The step logged no error." },
    FAILED: { description: "The step logged an error." },
    STUCK: { description: "Messages wait at the step, but it has logged nothing recently." },
    NOT_REACHED: { description: "The execution did not get here: an earlier step failed." },
    IDLE: { description: "The step logged nothing in the window and nothing waits for it." },
  },
});

@ObjectType("StepFirstError", { description: "The first error a step logged in the walked execution." })
export class StepFirstErrorType {
  @Field(() => DateTimeScalar, { description: "When it was logged." })
  at!: string;

  @Field(() => String, { description: "The message, secrets redacted." })
  message!: string;
}

@ObjectType("StepWalk", { description: "One step of the manual go-through." })
export class StepWalkType {
  @Field(() => String, { description: "The platform step id (e.g. `step_2`)." })
  stepId!: string;

  @Field(() => String, { description: "The step's name as the designer shows it." })
  name!: string;

  @Field(() => String, { description: "What the step runs: `{team}/{repo}:{function}[@version]`." })
  command!: string;

  @Field(() => StepStateEnum, { description: "How the step fared in the walked execution." })
  state!: StepState;

  @Field(() => DateTimeScalar, {
    description: "The step's newest log line in the window; null when it logged nothing.",
    nullable: true,
  })
  lastLogAt?: string;

  @Field(() => StepFirstErrorType, {
    description: "The step's first error in the walked execution; null without one.",
    nullable: true,
  })
  firstError?: StepFirstErrorType;

  @Field(() => Int, { description: "Executions in the window that reached the step." })
  executionsReached!: number;

  @Field(() => Int, { description: "Executions in the window in which the step logged an error." })
  executionsFailed!: number;

  @Field(() => StepQueueType, {
    description: "The step's queue now; null when the platform reports none.",
    nullable: true,
  })
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

  @Field(() => [StepWalkType], {
    description: "Every step in execution order, with how far the execution got.",
  })
  steps!: StepWalkType[];

  @Field(() => String, { nullable: true, description: "The first step in execution order that breaks." })
  firstFailingStepId?: string;
}
