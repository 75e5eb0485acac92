import type { FlowType as FlowKind, FlowStatus } from "@flowdoctor/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

export enum FlowTypeEnum {
  ORDINARY = "ordinary",
  LONG_RUNNING = "long_running",
}
registerEnumType(FlowTypeEnum, {
  name: "FlowType",
  valuesConfig: { LONG_RUNNING: { description: 'What the UI calls "real-time".' } },
});

export enum FlowStatusEnum {
  ACTIVE = "active",
  INACTIVE = "inactive",
  SUSPENDED = "suspended",
}
registerEnumType(FlowStatusEnum, { name: "FlowStatus" });

@ObjectType("Flow", { description: "An integration flow: its state, author and steps." })
export class FlowType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => FlowTypeEnum)
  type!: FlowKind;

  @Field(() => FlowStatusEnum, { description: "The desired state." })
  status!: FlowStatus;

  @Field(() => String, {
    description: "The observed state; may lag `status` or take values the API does not document.",
  })
  currentStatus!: string;

  @Field(() => ID)
  workspaceId!: string;

  @Field(() => String, { nullable: true, description: "The schedule of an ordinary flow's trigger, if any." })
  cron!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  lastStartTime?: string;
}
