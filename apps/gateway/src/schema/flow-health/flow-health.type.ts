import type { BaselineKind, FlowHealthStatus } from "@flowdoctor/core";
import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

export const FlowHealthStatusEnum = {
  STUCK_CONSUMER: "STUCK_CONSUMER",
  MISSED_RUN: "MISSED_RUN",
  INTAKE_STOPPED: "INTAKE_STOPPED",
  WENT_QUIET: "WENT_QUIET",
  VOLUME_DROPPED: "VOLUME_DROPPED",
  OK: "OK",
  NOT_RUNNING: "NOT_RUNNING",
  TOO_LITTLE_HISTORY: "TOO_LITTLE_HISTORY",
} as const satisfies Record<FlowHealthStatus, FlowHealthStatus>;
registerEnumType(FlowHealthStatusEnum, {
  name: "FlowHealthStatus",
  description: "A flow's activity against its own baseline.",
  valuesConfig: {
    STUCK_CONSUMER: {
      description: "A step's queue holds messages its upstream sent while the step logs nothing.",
    },
    MISSED_RUN: { description: "A scheduled run of a timer flow did not happen." },
    INTAKE_STOPPED: { description: "A webhook flow stopped receiving against its own rhythm." },
    WENT_QUIET: { description: "A flow stopped processing messages against its own rhythm." },
    VOLUME_DROPPED: {
      description:
        "A flow still runs, at under a quarter of what the same hours of every comparable day held (and under half of the quietest).",
    },
    OK: { description: "As its baseline expects, lulls, nights and weekends included." },
    NOT_RUNNING: { description: "Stopped or suspended: silence is expected (see diagnoseFlow)." },
    TOO_LITTLE_HISTORY: { description: "Fewer than three days or no messages: its rhythm is unknown." },
  },
});

export const BaselineKindEnum = { SCHEDULE: "SCHEDULE", RHYTHM: "RHYTHM" } as const satisfies Record<
  BaselineKind,
  BaselineKind
>;
registerEnumType(BaselineKindEnum, {
  name: "BaselineKind",
  description: "How a flow's normal activity was learnt.",
  valuesConfig: {
    SCHEDULE: { description: "From its cron schedule, which its logs follow." },
    RHYTHM: { description: "From messages per hour of day, weekdays and weekends apart when they differ." },
  },
});

@ObjectType("FlowHealth", { description: "One flow's activity against its own baseline." })
export class FlowHealthType {
  @Field(() => ID, { description: "The flow's platform id." })
  flowId!: string;

  @Field(() => String, { description: "The flow's name." })
  flowName!: string;

  @Field(() => FlowHealthStatusEnum, { description: "What its activity says." })
  status!: FlowHealthStatus;

  @Field(() => Boolean, {
    description: "True for STUCK_CONSUMER, MISSED_RUN, INTAKE_STOPPED, WENT_QUIET and VOLUME_DROPPED.",
  })
  flagged!: boolean;

  @Field(() => BaselineKindEnum, { description: "How its normal activity was learnt." })
  baseline!: BaselineKind;

  @Field(() => Int, { description: "Days of history the baseline stands on." })
  baselineDays!: number;

  @Field(() => Int, { description: "Messages (or scheduled runs) the baseline expects since `since`." })
  expected!: number;

  @Field(() => Int, { description: "Messages (or runs) seen since `since`." })
  seen!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Since when the flow (or step) has been silent, or the first missed run.",
  })
  since?: string;

  @Field(() => String, { nullable: true, description: "The step whose consumer is stuck." })
  stepId?: string;

  @Field(() => Float, { description: "How sure, from 0 to 1." })
  confidence!: number;

  @Field(() => String, { description: "The answer in one sentence." })
  summary!: string;
}

@ObjectType("FlowHealthReport", { description: "Every flow of a workspace against its own rhythm." })
export class FlowHealthReportType {
  @Field(() => DateTimeScalar, { description: "Where the history read begins (at most 14 days back)." })
  from!: string;

  @Field(() => DateTimeScalar, { description: "When the request started." })
  to!: string;

  @Field(() => [FlowHealthType], { description: "Flagged flows first, then the rest; most confident first." })
  flows!: readonly FlowHealthType[];

  @Field(() => Int, { description: "Log entries (info and above) read." })
  entriesRead!: number;

  @Field(() => Boolean, { description: "True when the history or the list of flows was cut short." })
  truncated!: boolean;
}
