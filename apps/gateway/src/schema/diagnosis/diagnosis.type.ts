import type { Cause, Level, VerdictStatus } from "@flowdoctor/core";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar, JsonScalar } from "../common/scalars.js";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { CheckNameEnum, CheckStatusEnum, FindingType } from "./finding.type.js";
import { WalkThroughType } from "./walk-through.type.js";

export const VerdictStatusEnum = {
  HEALTHY: "HEALTHY",
  RECOVERED: "RECOVERED",
  DEGRADED: "DEGRADED",
  FAILING: "FAILING",
} as const;
registerEnumType(VerdictStatusEnum, {
  name: "VerdictStatus",
  description:
    "HEALTHY: nothing wrong (at most one transient error later runs got past); RECOVERED: a problem of the window ended and every run since passed (see recoveredAt); DEGRADED: warnings only; FAILING: at least one FAIL.",
});

@ObjectType("Verdict", {
  description: "The diagnosis in one sentence: the worst finding's level, cause and step.",
})
export class VerdictType {
  @Field(() => VerdictStatusEnum)
  status!: VerdictStatus;

  @Field(() => LevelEnum, { nullable: true, description: "The problem's level; null when healthy." })
  level!: Level | null;

  @Field(() => CauseEnum, {
    nullable: true,
    description:
      "The problem's cause (for RECOVERED, the one that ended); null when healthy. UNKNOWN means failing for a reason Flowdoctor could not name.",
  })
  cause!: Cause | null;

  @Field(() => Float)
  confidence!: number;

  @Field(() => String, { nullable: true, description: "The failing step." })
  stepId?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "RECOVERED: when the last failing step worked again; every run since has passed it.",
  })
  recoveredAt?: string;

  @Field(() => String)
  summary!: string;
}

@ObjectType("CheckRun", { description: "How one check of the runbook ran." })
export class CheckRunType {
  @Field(() => CheckNameEnum)
  check!: string;

  @Field(() => CheckStatusEnum)
  status!: string;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => String, { nullable: true, description: "Why the check could not run, or what it did not do." })
  note?: string;
}

@ObjectType("Escalation", { description: "Whether to file a support ticket, and why." })
export class EscalationType {
  @Field(() => Boolean)
  recommended!: boolean;

  @Field(() => String)
  reason!: string;
}

@ObjectType("DiagnosedErrorGroup", {
  description: "One problem of the flow in the window, grouped across executions.",
})
export class DiagnosedErrorGroupType {
  @Field(() => String)
  fingerprint!: string;

  @Field(() => String, { nullable: true })
  stepId?: string;

  @Field(() => String, { description: "The latest message of the group, as logged." })
  message!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  executionCount!: number;

  @Field(() => DateTimeScalar)
  firstSeen!: string;

  @Field(() => DateTimeScalar)
  lastSeen!: string;

  @Field(() => LevelEnum)
  level!: Level;

  @Field(() => CauseEnum)
  cause!: Cause;

  @Field(() => Float)
  confidence!: number;
}

@ObjectType("MissingTicketField", {
  description: "A ticket field only a person can give, with the question to ask.",
})
export class MissingTicketFieldType {
  @Field(() => String)
  field!: string;

  @Field(() => String)
  question!: string;
}

@ObjectType("DiagnosisTicket", {
  description: "A support ticket pre-filled from the diagnosis (secrets redacted).",
})
export class DiagnosisTicketType {
  @Field(() => JsonScalar, { description: "The ticket draft: core's TicketDraft as JSON." })
  draft!: unknown;

  @Field(() => [MissingTicketFieldType])
  missing!: MissingTicketFieldType[];
}

@ObjectType("DiagnosisWindow")
export class DiagnosisWindowType {
  @Field(() => DateTimeScalar)
  from!: string;

  @Field(() => DateTimeScalar)
  to!: string;
}

@ObjectType("Diagnosis", { description: "The troubleshooting guide applied to one flow." })
export class DiagnosisType {
  @Field(() => ID)
  flowId!: string;

  @Field(() => String)
  flowName!: string;

  @Field(() => ID)
  workspaceId!: string;

  @Field(() => ID, { nullable: true })
  contractId?: string;

  @Field(() => DiagnosisWindowType)
  window!: DiagnosisWindowType;

  @Field(() => VerdictType)
  verdict!: VerdictType;

  @Field(() => [FindingType], { description: "Worst first." })
  findings!: FindingType[];

  @Field(() => [DiagnosedErrorGroupType], {
    description: "The flow's error groups in the window, latest first.",
  })
  errorGroups!: DiagnosedErrorGroupType[];

  @Field(() => WalkThroughType)
  walkthrough!: WalkThroughType;

  @Field(() => [CheckRunType])
  checks!: CheckRunType[];

  @Field(() => [String], { description: "What to do, in order." })
  nextActions!: string[];

  @Field(() => EscalationType)
  escalation!: EscalationType;

  @Field(() => DiagnosisTicketType)
  ticket!: DiagnosisTicketType;
}
