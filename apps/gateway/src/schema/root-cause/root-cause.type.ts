import type { Cause, RootCauseKind } from "@flowdoctor/core";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { ChangeBehindType } from "../diagnosis/change.type.js";
import { CauseEnum } from "../taxonomy/taxonomy.enum.js";

export const RootCauseKindEnum = {
  CREDENTIAL: "CREDENTIAL",
  EXTERNAL_HOST: "EXTERNAL_HOST",
  COMPONENT_VERSION: "COMPONENT_VERSION",
  CAUSE: "CAUSE",
} as const satisfies Record<RootCauseKind, RootCauseKind>;
registerEnumType(RootCauseKindEnum, {
  name: "RootCauseKind",
  description: "What the failing flows of a root cause share.",
  valuesConfig: {
    CREDENTIAL: { description: "Authentication failures at steps that use one credential." },
    EXTERNAL_HOST: { description: "Downtime of one external host the failing steps call." },
    COMPONENT_VERSION: { description: "Two or more flows failing the same way on one component version." },
    CAUSE: { description: "Failures that share nothing more specific than their cause." },
  },
});

@ObjectType("RootCauseStep", { description: "One failing step of a flow a root cause breaks." })
export class RootCauseStepType {
  @Field(() => String, { description: "The platform step id." })
  stepId!: string;

  @Field(() => CauseEnum, { description: "The taxonomy's cause of its latest error." })
  cause!: Cause;

  @Field(() => String, { description: "Its latest error message, redacted." })
  message!: string;

  @Field(() => Int, { description: "Error entries in the window." })
  errorCount!: number;

  @Field(() => Int, { description: "Executions in the window that failed here." })
  failedExecutions!: number;

  @Field(() => DateTimeScalar, { description: "The first error of the window." })
  firstSeen!: string;

  @Field(() => DateTimeScalar, { description: "The latest error of the window." })
  lastSeen!: string;

  @Field(() => ChangeBehindType, {
    nullable: true,
    description:
      "What changed in the flow before the step began failing, or that nothing did; null when unknown.",
  })
  change?: ChangeBehindType;
}

@ObjectType("RootCauseFlow", { description: "One flow a root cause breaks." })
export class RootCauseFlowType {
  @Field(() => ID, { description: "The flow's platform id." })
  flowId!: string;

  @Field(() => String, { description: "The flow's name." })
  flowName!: string;

  @Field(() => ID, { description: "The flow's workspace (a contract's root causes span several)." })
  workspaceId!: string;

  @Field(() => [RootCauseStepType], { description: "Its failing steps." })
  steps!: readonly RootCauseStepType[];
}

@ObjectType("SharingFlow", {
  description: "A flow that uses the same credential, host or component version and does not fail.",
})
export class SharingFlowType {
  @Field(() => ID, { description: "The flow's platform id." })
  flowId!: string;

  @Field(() => String, { description: "The flow's name." })
  flowName!: string;

  @Field(() => ID, { description: "The flow's workspace." })
  workspaceId!: string;

  @Field(() => [String], { description: "Its steps that use it." })
  stepIds!: readonly string[];
}

@ObjectType("RootCauseFix", { description: "What fixing a root cause would fix." })
export class RootCauseFixType {
  @Field(() => Int, { description: "Flows." })
  flows!: number;

  @Field(() => Int, { description: "Failing steps." })
  steps!: number;

  @Field(() => Int, { description: "Failed executions in the window." })
  failedExecutions!: number;

  @Field(() => String, { description: "The fix's reach in one sentence." })
  summary!: string;
}

@ObjectType("RootCause", {
  description: "One cause behind the failures of one or many flows, with its evidence.",
})
export class RootCauseType {
  @Field(() => RootCauseKindEnum, { description: "What the failing flows share." })
  kind!: RootCauseKind;

  @Field(() => String, {
    description: "The shared thing: a credential id, a host name, `componentId@version`, or a cause code.",
  })
  key!: string;

  @Field(() => String, { description: "The shared thing in words." })
  label!: string;

  @Field(() => CauseEnum, { description: "The cause most of its failing steps were classified as." })
  cause!: Cause;

  @Field(() => Float, { description: "How sure the grouping is, from 0 to 1." })
  confidence!: number;

  @Field(() => [RootCauseFlowType], { description: "The flows it breaks, most failed executions first." })
  flows!: readonly RootCauseFlowType[];

  @Field(() => [SharingFlowType], {
    description:
      "Flows that use the same credential, host or component version and log no error in the window.",
  })
  healthyAlsoUsing!: readonly SharingFlowType[];

  @Field(() => [String], { description: "Why Flowdoctor groups these failures, one fact a line." })
  evidence!: readonly string[];

  @Field(() => RootCauseFixType, { description: "What fixing it would fix." })
  fix!: RootCauseFixType;

  @Field(() => DateTimeScalar, { description: "Its first error in the window." })
  firstSeen!: string;

  @Field(() => DateTimeScalar, { description: "Its latest error in the window." })
  lastSeen!: string;

  @Field(() => String, { description: "The root cause in one sentence." })
  summary!: string;
}

@ObjectType("RootCauseReport", { description: "The root causes of a workspace's failing flows in a window." })
export class RootCauseReportType {
  @Field(() => DateTimeScalar, { description: "Start of the window." })
  from!: string;

  @Field(() => DateTimeScalar, { description: "End of the window: when the request started." })
  to!: string;

  @Field(() => [RootCauseType], { description: "Worst first: most flows, then most failed executions." })
  rootCauses!: readonly RootCauseType[];

  @Field(() => [ID], {
    description: "The workspaces read: the one asked for, or the contract's you may read.",
  })
  workspaceIds!: readonly string[];

  @Field(() => [ID], {
    description:
      "A contract's workspaces whose logs you may not read, left out of the answer; empty for a workspace.",
  })
  skippedWorkspaceIds!: readonly string[];

  @Field(() => Int, { description: "Flows of the workspaces looked at." })
  flowsRead!: number;

  @Field(() => Int, { description: "Error and fatal entries read in the window." })
  errorsRead!: number;

  @Field(() => Boolean, {
    description:
      "True when the window held more error entries than one request reads (`MAX_LOG_SCAN`, shared among a contract's workspaces), or the contract more workspaces than one answer reads.",
  })
  truncated!: boolean;
}
