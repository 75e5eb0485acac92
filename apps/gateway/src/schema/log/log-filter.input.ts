import type { LogLevelName } from "@flowdoctor/core";
import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { LogLevelEnum } from "./log-entry.type.js";

@InputType({ description: "Narrows a workspace's logs; the platform applies the filters." })
export class LogFilter {
  @Field(() => [ID], { nullable: true, description: "Only these flows." })
  flowIds?: string[] | null;

  @Field(() => [LogLevelEnum], {
    nullable: true,
    description: "Only these levels (the platform's default: all).",
  })
  levels?: LogLevelName[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Full-text search." })
  search?: string | null;
}
