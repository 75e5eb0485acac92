import {
  type Cause,
  CHECK_NAMES,
  CHECK_STATUSES,
  type CheckName,
  type CheckStatus,
  type Level,
} from "@flowdoctor/core";
import { Field, Float, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { CauseEnum, enumOf, LevelEnum } from "../taxonomy/taxonomy.enum.js";

export const CheckNameEnum = Object.fromEntries(CHECK_NAMES.map((name) => [name.toUpperCase(), name])) as {
  [K in CheckName as Uppercase<K>]: K;
};
registerEnumType(CheckNameEnum, {
  name: "DiagnosisCheck",
  description: "The runbook's checks, in the troubleshooting guide's order.",
});

export const CheckStatusEnum = enumOf(CHECK_STATUSES);
registerEnumType(CheckStatusEnum, {
  name: "CheckStatus",
  description:
    "PASS: nothing wrong; WARN: worth a look; FAIL: a problem; SKIPPED: not run; ERROR: could not run.",
});

@ObjectType("FindingEvidence", {
  description: "One fact behind a finding: the signal, where it was seen, and its value.",
})
export class FindingEvidenceType {
  @Field(() => String)
  signal!: string;

  @Field(() => String, {
    description:
      "message, stack, statusCode, logs, queueStats, flowState, workspace, contract, mapper, sample, credential, probe…",
  })
  source!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType("Finding", { description: "What one check found, with its evidence and remedy." })
export class FindingType {
  @Field(() => CheckNameEnum)
  check!: CheckName;

  @Field(() => CheckStatusEnum)
  status!: CheckStatus;

  @Field(() => LevelEnum)
  level!: Level;

  @Field(() => CauseEnum)
  cause!: Cause;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  detail!: string;

  @Field(() => String, { nullable: true })
  stepId?: string;

  @Field(() => Float, { description: "0 to 1." })
  confidence!: number;

  @Field(() => [FindingEvidenceType])
  evidence!: FindingEvidenceType[];

  @Field(() => String)
  remedy!: string;

  @Field(() => String, { description: "The platform documentation page that explains the cause." })
  docsUrl!: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "For a problem seen in the logs: when the step worked again, if every run since has passed it.",
  })
  recoveredAt?: string;
}
