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
  valuesConfig: {
    ERRORS: { description: "Reads the window's error logs and classifies them." },
    DOWNTIME: {
      description: "Looks for an external system that is down or slow (optionally probing its endpoint).",
    },
    CREDENTIALS: {
      description: "Looks for invalid credentials (optionally verifying them on the platform).",
    },
    MAPPING: { description: "Compares each mapper with the data sample of the step it reads." },
    WALKTHROUGH: { description: "Walks the steps of the failing execution to find where it stopped." },
    COMPONENT: { description: "Checks the components' versions and runtime errors." },
    PLATFORM: { description: "Checks queues, memory, message sizes, suspensions and quotas." },
  },
});

export const CheckStatusEnum = enumOf(CHECK_STATUSES);
registerEnumType(CheckStatusEnum, {
  name: "CheckStatus",
  description:
    "PASS: nothing wrong; WARN: worth a look; FAIL: a problem; SKIPPED: not run; ERROR: could not run.",
  valuesConfig: {
    PASS: { description: "Nothing wrong." },
    WARN: { description: "Worth a look; nothing failing." },
    FAIL: { description: "A problem." },
    SKIPPED: { description: "Not run (turned off, or nothing to check)." },
    ERROR: { description: "Could not run (e.g. the platform did not answer); `CheckRun.note` says why." },
  },
});

@ObjectType("FindingEvidence", {
  description: "One fact behind a finding: the signal, where it was seen, and its value.",
})
export class FindingEvidenceType {
  @Field(() => String, { description: "What the fact is, e.g. `errorCount` or `rebounds`." })
  signal!: string;

  @Field(() => String, {
    description:
      "message, stack, statusCode, logs, queueStats, flowState, workspace, contract, mapper, sample, credential, probe…",
  })
  source!: string;

  @Field(() => String, { description: "The fact's value as text, secrets redacted." })
  value!: string;
}

@ObjectType("Finding", { description: "What one check found, with its evidence and remedy." })
export class FindingType {
  @Field(() => CheckNameEnum, { description: "The check that found it." })
  check!: CheckName;

  @Field(() => CheckStatusEnum, {
    description: "PASS, WARN or FAIL: how the check came out on this point.",
  })
  status!: CheckStatus;

  @Field(() => LevelEnum, { description: "The guide's level the cause belongs to." })
  level!: Level;

  @Field(() => CauseEnum, { description: "The taxonomy's cause." })
  cause!: Cause;

  @Field(() => String, { description: "What was found, in one line." })
  title!: string;

  @Field(() => String, { description: "What was seen and where, with the figures." })
  detail!: string;

  @Field(() => String, {
    description: "The platform step id the finding is about; null for the flow as a whole.",
    nullable: true,
  })
  stepId?: string;

  @Field(() => Float, { description: "0 to 1." })
  confidence!: number;

  @Field(() => [FindingEvidenceType], { description: "The facts the finding rests on." })
  evidence!: FindingEvidenceType[];

  @Field(() => String, { description: "What to do about it, in the guide's words where it has them." })
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
