import type { Cause, Level, VerdictStatus } from "@flowdoctor/core";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar, JsonScalar } from "../common/scalars.js";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { ChangeBehindType } from "./change.type.js";
import { CheckNameEnum, CheckStatusEnum, FindingType } from "./finding.type.js";
import { WalkThroughType } from "./walk-through.type.js";

export const VerdictStatusEnum = {
  HEALTHY: "HEALTHY",
  UNCHECKED: "UNCHECKED",
  RECOVERED: "RECOVERED",
  DEGRADED: "DEGRADED",
  FAILING: "FAILING",
} as const;
registerEnumType(VerdictStatusEnum, {
  name: "VerdictStatus",
  description:
    "HEALTHY: nothing wrong (at most one transient error later runs got past); UNCHECKED: no problem found, but the flow's error logs could not be read (see checks); RECOVERED: a problem of the window ended and every run since passed (see recoveredAt); DEGRADED: warnings only; FAILING: at least one FAIL.",
  valuesConfig: {
    HEALTHY: { description: "Nothing wrong in the window, or one transient error later runs got past." },
    UNCHECKED: {
      description:
        "No problem found, but the flow's error logs could not be read (for example, the caller may not read them): nothing is known either way. `checks` says what did not run.",
    },
    RECOVERED: {
      description:
        "A problem of the window ended: at least two runs have passed the step since (see `recoveredAt`).",
    },
    DEGRADED: { description: "Warnings only: worth a look, nothing failing." },
    FAILING: { description: "At least one check found a problem that still fails." },
  },
});

@ObjectType("Verdict", {
  description: "The diagnosis in one sentence: the worst finding's level, cause and step.",
})
export class VerdictType {
  @Field(() => VerdictStatusEnum, { description: "HEALTHY, UNCHECKED, RECOVERED, DEGRADED or FAILING." })
  status!: VerdictStatus;

  @Field(() => LevelEnum, {
    nullable: true,
    description: "The problem's level; null when healthy or unchecked.",
  })
  level!: Level | null;

  @Field(() => CauseEnum, {
    nullable: true,
    description:
      "The problem's cause (for RECOVERED, the one that ended); null when healthy or unchecked. UNKNOWN means failing for a reason Flowdoctor could not name.",
  })
  cause!: Cause | null;

  @Field(() => Float, { description: "How sure the classification behind the verdict is, from 0 to 1." })
  confidence!: number;

  @Field(() => String, { nullable: true, description: "The failing step." })
  stepId?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "RECOVERED: when the last failing step worked again; every run since has passed it.",
  })
  recoveredAt?: string;

  @Field(() => ChangeBehindType, {
    nullable: true,
    description:
      "What changed in the flow before the problem began (the version then in force against the one before), or that nothing did; null when healthy or when the versions cannot be read.",
  })
  change?: ChangeBehindType;

  @Field(() => String, { description: "The verdict in one sentence, naming the step and cause." })
  summary!: string;
}

@ObjectType("CheckRun", { description: "How one check of the runbook ran." })
export class CheckRunType {
  @Field(() => CheckNameEnum, { description: "The check." })
  check!: string;

  @Field(() => CheckStatusEnum, {
    description: "Its outcome: the worst status of its findings, or SKIPPED or ERROR.",
  })
  status!: string;

  @Field(() => Int, { description: "How long it took, in milliseconds." })
  durationMs!: number;

  @Field(() => String, { nullable: true, description: "Why the check could not run, or what it did not do." })
  note?: string;
}

@ObjectType("Escalation", { description: "Whether to file a support ticket, and why." })
export class EscalationType {
  @Field(() => Boolean, {
    description:
      "True when a failing finding is one only support can resolve (platform limits, suspensions, lost messages, unknown causes).",
  })
  recommended!: boolean;

  @Field(() => String, { description: "Why support is or is not the next step." })
  reason!: string;
}

@ObjectType("DiagnosedErrorGroup", {
  description: "One problem of the flow in the window, grouped across executions.",
})
export class DiagnosedErrorGroupType {
  @Field(() => String, {
    description:
      "The same for every occurrence of this problem (flow, step, normalised message), as `ErrorGroup.fingerprint`.",
  })
  fingerprint!: string;

  @Field(() => String, {
    description: "The platform step id that logged it; null when the log entry names none.",
    nullable: true,
  })
  stepId?: string;

  @Field(() => String, { description: "The latest message of the group, as logged." })
  message!: string;

  @Field(() => Int, { description: "Entries in the window." })
  count!: number;

  @Field(() => Int, { description: "Distinct executions in the window that hit it." })
  executionCount!: number;

  @Field(() => DateTimeScalar, { description: "The group's oldest entry in the window." })
  firstSeen!: string;

  @Field(() => DateTimeScalar, { description: "The group's newest entry in the window." })
  lastSeen!: string;

  @Field(() => LevelEnum, { description: "The guide's level of its cause." })
  level!: Level;

  @Field(() => CauseEnum, { description: "The taxonomy's cause of its latest entry." })
  cause!: Cause;

  @Field(() => Float, { description: "How sure the classification is, from 0 to 1." })
  confidence!: number;

  @Field(() => ChangeBehindType, {
    nullable: true,
    description:
      "What changed in the flow before the group first appeared, or that nothing did; null when unknown.",
  })
  change?: ChangeBehindType;
}

@ObjectType("MissingTicketField", {
  description: "A ticket field only a person can give, with the question to ask.",
})
export class MissingTicketFieldType {
  @Field(() => String, { description: "The ticket field, as in `TicketFieldsInput`." })
  field!: string;

  @Field(() => String, { description: "The question to ask the reporter to fill it in." })
  question!: string;
}

@ObjectType("DiagnosisTicket", {
  description: "A support ticket pre-filled from the diagnosis (secrets redacted).",
})
export class DiagnosisTicketType {
  @Field(() => JsonScalar, { description: "The ticket draft: core's TicketDraft as JSON." })
  draft!: unknown;

  @Field(() => [MissingTicketFieldType], {
    description: "What the draft still needs before it can be submitted, each with the question to ask.",
  })
  missing!: MissingTicketFieldType[];
}

@ObjectType("DiagnosisWindow", { description: "The time range of a diagnosis." })
export class DiagnosisWindowType {
  @Field(() => DateTimeScalar, { description: "Start of the window (inclusive)." })
  from!: string;

  @Field(() => DateTimeScalar, { description: "End of the window: when the diagnosis ran." })
  to!: string;
}

@ObjectType("Diagnosis", { description: "The troubleshooting guide applied to one flow." })
export class DiagnosisType {
  @Field(() => ID, { description: "The diagnosed flow's platform id." })
  flowId!: string;

  @Field(() => String, { description: "The diagnosed flow's name." })
  flowName!: string;

  @Field(() => ID, { description: "The platform id of the flow's workspace." })
  workspaceId!: string;

  @Field(() => ID, {
    description: "The platform id of the workspace's contract; null when you may not read it.",
    nullable: true,
  })
  contractId?: string;

  @Field(() => DiagnosisWindowType, { description: "The time range the diagnosis looked at." })
  window!: DiagnosisWindowType;

  @Field(() => VerdictType, { description: "The one-line answer: status, level, cause and failing step." })
  verdict!: VerdictType;

  @Field(() => [FindingType], { description: "Worst first." })
  findings!: FindingType[];

  @Field(() => [DiagnosedErrorGroupType], {
    description: "The flow's error groups in the window, latest first.",
  })
  errorGroups!: DiagnosedErrorGroupType[];

  @Field(() => WalkThroughType, {
    description: "The guide's manual go-through of the steps, for the execution that failed most recently.",
  })
  walkthrough!: WalkThroughType;

  @Field(() => [CheckRunType], {
    description: "Each check of the runbook: whether it ran and how it came out.",
  })
  checks!: CheckRunType[];

  @Field(() => [String], { description: "What to do, in order." })
  nextActions!: string[];

  @Field(() => EscalationType, { description: "Whether to ask support, and why." })
  escalation!: EscalationType;

  @Field(() => DiagnosisTicketType, {
    description: "The ticket draft the diagnosis would file, and what it still lacks.",
  })
  ticket!: DiagnosisTicketType;
}
