import type { Cause } from "@flowdoctor/core";
import { Field, ID, InputType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { CauseEnum } from "../taxonomy/taxonomy.enum.js";

@InputType({
  description: "Narrows the error inbox. Causes are filtered by the gateway after classification.",
})
export class ErrorFilter {
  @Field(() => [ID], { nullable: true, description: "Only these flows." })
  flowIds?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Full-text search in the platform's logs." })
  search?: string | null;

  @Field(() => [CauseEnum], { nullable: true, description: "Only errors classified as one of these causes." })
  causes?: Cause[] | null;
}
