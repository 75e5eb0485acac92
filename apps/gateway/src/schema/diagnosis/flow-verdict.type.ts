import type { FlowStatus } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { FlowStatusEnum } from "../flow/flow.type.js";
import { VerdictType } from "./diagnosis.type.js";

@ObjectType("FlowVerdict", {
  description: "One flow of a workspace diagnosis: its verdict and how much is wrong.",
})
export class FlowVerdictType {
  @Field(() => ID, { description: "The flow's platform id." })
  flowId!: string;

  @Field(() => String, { description: "The flow's name." })
  flowName!: string;

  @Field(() => FlowStatusEnum, { description: "The state the flow was asked to be in." })
  flowStatus!: FlowStatus;

  @Field(() => VerdictType, { description: "The flow's verdict, as in `Diagnosis.verdict`." })
  verdict!: VerdictType;

  @Field(() => Int, { description: "FAIL findings." })
  failures!: number;

  @Field(() => Int, { description: "WARN findings." })
  warnings!: number;

  @Field(() => Int, { description: "Error log entries in the window." })
  errorCount!: number;
}

/** A page of flow verdicts, worst first. */
export const FlowVerdictConnection = connectionOf("FlowVerdict", FlowVerdictType);
