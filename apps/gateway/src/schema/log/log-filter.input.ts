import type { LogLevelName } from "@flowdoctor/core";
import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { LogLevelEnum } from "./log-entry.type.js";

@InputType({
  description:
    "Narrows a workspace's logs. The platform applies flows, levels, time and search; the gateway applies steps and the execution while it scans (then totalCount is the platform's count before those two).",
})
export class LogFilter {
  @Field(() => [ID], { nullable: true, description: "Only these flows." })
  flowIds?: string[] | null;

  @Field(() => [LogLevelEnum], {
    nullable: true,
    description: "Only these levels (the platform's default: all).",
  })
  levels?: LogLevelName[] | null;

  @Field(() => DateTimeScalar, { description: "Only entries at or after this time.", nullable: true })
  from?: string | null;

  @Field(() => DateTimeScalar, { description: "Only entries before this time.", nullable: true })
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Full-text search." })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only these steps (e.g. step_2): a platform step id names that step in every flow, a FlowStep.id (`<flowId>:step_2`) only in its flow.",
  })
  stepIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Only this execution: a thread id, or a step run's exec id.",
  })
  executionId?: string | null;
}
