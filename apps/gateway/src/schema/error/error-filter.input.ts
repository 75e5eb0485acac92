import type { Cause, LogLevelName } from "@flowdoctor/core";
import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { LogLevelEnum } from "../log/log-entry.type.js";
import { CauseEnum } from "../taxonomy/taxonomy.enum.js";

@InputType({
  description:
    "Narrows the error inbox. Flows, time and search are filtered by the platform; steps, levels, authors and causes by the gateway while it scans.",
})
export class ErrorFilter {
  @Field(() => [ID], { nullable: true, description: "Only these flows." })
  flowIds?: string[] | null;

  @Field(() => DateTimeScalar, { description: "Only errors at or after this time.", nullable: true })
  from?: string | null;

  @Field(() => DateTimeScalar, { description: "Only errors before this time.", nullable: true })
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Full-text search in the platform's logs." })
  search?: string | null;

  @Field(() => [CauseEnum], { nullable: true, description: "Only errors classified as one of these causes." })
  causes?: Cause[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only errors of these steps (e.g. step_2): a platform step id names that step in every flow, a FlowStep.id (`<flowId>:step_2`) only in its flow.",
  })
  stepIds?: string[] | null;

  @Field(() => [LogLevelEnum], {
    nullable: true,
    description: "Only these of the error levels: ERROR, FATAL.",
  })
  levels?: LogLevelName[] | null;

  @Field(() => [ID], { nullable: true, description: "Only errors of flows these users created." })
  authorIds?: string[] | null;
}
