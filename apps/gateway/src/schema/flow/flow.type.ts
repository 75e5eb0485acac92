import type { FlowType as FlowKind, FlowStatus } from "@flowdoctor/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

export enum FlowTypeEnum {
  ORDINARY = "ordinary",
  LONG_RUNNING = "long_running",
}
registerEnumType(FlowTypeEnum, {
  name: "FlowType",
  description: "How the platform runs a flow.",
  valuesConfig: {
    ORDINARY: { description: "Containers start for each run and stop when idle." },
    LONG_RUNNING: {
      description: 'What the UI calls "real-time": containers keep running and take messages as they come.',
    },
  },
});

export enum FlowStatusEnum {
  ACTIVE = "active",
  INACTIVE = "inactive",
  SUSPENDED = "suspended",
}
registerEnumType(FlowStatusEnum, {
  name: "FlowStatus",
  description: "The state a flow was asked to be in (`Flow.currentStatus` says where it is).",
  valuesConfig: {
    ACTIVE: { description: "Started: the flow runs and takes messages." },
    INACTIVE: { description: "Stopped by a user: it takes no messages." },
    SUSPENDED: {
      description:
        "Suspended by the platform (e.g. a full queue or a suspended contract): messages wait until it resumes.",
    },
  },
});

@ObjectType("Flow", { description: "An integration flow: its state, author and steps." })
export class FlowType {
  @Field(() => ID, { description: "The flow's platform id (24 hex characters)." })
  id!: string;

  @Field(() => String, { description: "The flow's name as the designer shows it." })
  name!: string;

  @Field(() => String, { description: "The flow's description, if its author wrote one.", nullable: true })
  description!: string | null;

  @Field(() => FlowTypeEnum, { description: "ORDINARY or LONG_RUNNING (real-time)." })
  type!: FlowKind;

  @Field(() => FlowStatusEnum, { description: "The desired state." })
  status!: FlowStatus;

  @Field(() => String, {
    description: "The observed state; may lag `status` or take values the API does not document.",
  })
  currentStatus!: string;

  @Field(() => ID, { description: "The platform id of the workspace the flow belongs to." })
  workspaceId!: string;

  @Field(() => String, { nullable: true, description: "The schedule of an ordinary flow's trigger, if any." })
  cron!: string | null;

  @Field(() => DateTimeScalar, { description: "When the flow was created." })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: "When the flow was last changed." })
  updatedAt!: string;

  @Field(() => DateTimeScalar, {
    description: "When the flow was last started; null if it never ran.",
    nullable: true,
  })
  lastStartTime?: string;
}
