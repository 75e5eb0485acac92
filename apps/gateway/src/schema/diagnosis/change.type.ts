import type { FlowChangeKind } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

export const FlowChangeKindEnum = {
  STEP_ADDED: "STEP_ADDED",
  STEP_REMOVED: "STEP_REMOVED",
  COMPONENT_CHANGED: "COMPONENT_CHANGED",
  FUNCTION_CHANGED: "FUNCTION_CHANGED",
  COMPONENT_VERSION_CHANGED: "COMPONENT_VERSION_CHANGED",
  CREDENTIAL_CHANGED: "CREDENTIAL_CHANGED",
  MAPPER_CHANGED: "MAPPER_CHANGED",
  CONDITION_CHANGED: "CONDITION_CHANGED",
  CONFIGURATION_CHANGED: "CONFIGURATION_CHANGED",
  ROUTE_CHANGED: "ROUTE_CHANGED",
} as const satisfies Record<FlowChangeKind, FlowChangeKind>;
registerEnumType(FlowChangeKindEnum, {
  name: "FlowChangeKind",
  description: "What kind of edit one change between two versions of a flow is.",
  valuesConfig: {
    STEP_ADDED: { description: "A step was added." },
    STEP_REMOVED: { description: "A step was removed." },
    COMPONENT_CHANGED: { description: "The step runs another component." },
    FUNCTION_CHANGED: { description: "The step runs another trigger or action of its component." },
    COMPONENT_VERSION_CHANGED: { description: "The step's component moved to another version." },
    CREDENTIAL_CHANGED: { description: "The step switched credential, auth secret or VPN agent." },
    MAPPER_CHANGED: {
      description: "An expression of the mapper into the step was added, removed or changed.",
    },
    CONDITION_CHANGED: { description: "The routing condition into the step changed." },
    CONFIGURATION_CHANGED: { description: "A configuration field of the step changed." },
    ROUTE_CHANGED: { description: "The step receives messages from another step." },
  },
});

export const ChangeStatusEnum = { CHANGED: "CHANGED", NO_CHANGE: "NO_CHANGE" } as const;
registerEnumType(ChangeStatusEnum, {
  name: "ChangeStatus",
  description: "Whether the flow changed shortly before a problem began.",
  valuesConfig: {
    CHANGED: { description: "A version was published in the day before the problem began." },
    NO_CHANGE: {
      description:
        "No version was: something outside the flow changed (data, the external system, the platform).",
    },
  },
});

@ObjectType("FlowChange", { description: "One edit between two versions of a flow, at one step." })
export class FlowChangeType {
  @Field(() => FlowChangeKindEnum, { description: "What kind of edit." })
  kind!: FlowChangeKind;

  @Field(() => String, { description: "The step; for a mapper or condition, the step the edge leads into." })
  stepId!: string;

  @Field(() => String, {
    nullable: true,
    description: "Where in the step, e.g. `fields.url` or `mapper.customer.vat`; null for a whole step.",
  })
  path?: string;

  @Field(() => String, { nullable: true, description: "The old value, short and redacted; null when added." })
  before?: string;

  @Field(() => String, {
    nullable: true,
    description: "The new value, short and redacted; null when removed.",
  })
  after?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      "Mapper changes: message paths (`$.a.b`) the new expression reads that the old did not; null when none or not a mapper change.",
  })
  addedReads?: readonly string[];

  @Field(() => [String], {
    nullable: true,
    description:
      "Mapper changes: message paths the old expression read that the new does not; null when none.",
  })
  removedReads?: readonly string[];

  @Field(() => String, { description: "The change in one sentence." })
  summary!: string;
}

@ObjectType("FlowVersionRef", { description: "A published version of a flow." })
export class FlowVersionRefType {
  @Field(() => ID, { description: "The version's hash." })
  id!: string;

  @Field(() => Int, { description: "Its place in the flow's history, 1 for the oldest the platform lists." })
  number!: number;

  @Field(() => DateTimeScalar, { description: "When it was published." })
  createdAt!: string;
}

@ObjectType("ChangeBehind", {
  description: "What changed in the flow before a problem began, or that nothing did.",
})
export class ChangeBehindType {
  @Field(() => ChangeStatusEnum, { description: "CHANGED or NO_CHANGE." })
  status!: string;

  @Field(() => FlowVersionRefType, {
    nullable: true,
    description: "The version in force when the problem began.",
  })
  version?: FlowVersionRefType;

  @Field(() => FlowVersionRefType, {
    nullable: true,
    description: "The version before it, which the changes are measured against.",
  })
  previousVersion?: FlowVersionRefType;

  @Field(() => DateTimeScalar, { description: "When the problem was first seen." })
  problemSince!: string;

  @Field(() => Int, { nullable: true, description: "Minutes from the version's publication to the problem." })
  minutesAfterChange?: number;

  @Field(() => Boolean, { description: "Whether the failing step itself changed." })
  stepChanged!: boolean;

  @Field(() => [FlowChangeType], { description: "Every change of the version, the failing step's first." })
  changes!: readonly FlowChangeType[];

  @Field(() => String, { description: "The answer in one sentence." })
  summary!: string;
}
