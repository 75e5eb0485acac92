import type { GroupRow, GroupState } from "@flowdoctor/inbox";
import { Field, Float, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { ErrorGroupStateEnum } from "./group-state.enum.js";

/** What an `ErrorGroupStatus` resolves from: the stored group, or nothing when the inbox has not stored it. */
export interface ErrorGroupStatusData {
  readonly state: GroupState;
  readonly stored: GroupRow | undefined;
}

@ObjectType("ErrorGroupStatus", {
  description:
    "What the inbox remembers of an error group: its state, who set it, when and why, and its counts since first stored.",
})
export class ErrorGroupStatusType {
  @Field(() => ErrorGroupStateEnum, {
    description: "The group's state; NEW when the inbox has not stored it.",
  })
  state!: GroupState;

  @Field(() => Boolean, {
    description:
      "Whether the inbox stores the group (a watcher watches its workspace, or someone changed its state).",
  })
  stored!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The platform user id of who set the state; null when the watcher set it.",
  })
  changedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the state last changed." })
  changedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The note left with the last change (redacted)." })
  note!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "A snooze's end time." })
  snoozeUntil!: Date | null;

  @Field(() => Int, { nullable: true, description: "A snooze ends after this many further occurrences." })
  snoozeOccurrences!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Occurrences counted towards `snoozeOccurrences` so far.",
  })
  snoozeSeen!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "A snooze ends at this many occurrences within `snoozeRateHours`.",
  })
  snoozeRateCount!: number | null;

  @Field(() => Int, { nullable: true, description: "The window of `snoozeRateCount`, in hours." })
  snoozeRateHours!: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The flow version in force when the group was resolved.",
  })
  resolvedFlowVersion!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The flow version in force when the group last regressed.",
  })
  regressedFlowVersion!: string | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Occurrences the watcher counted since the group was stored (beyond the platform's 14 days of logs).",
  })
  totalCount!: number | null;
}

/** The status object of a stored group, or the NEW of one never stored. */
export const toStatus = ({ state, stored }: ErrorGroupStatusData): ErrorGroupStatusType => ({
  state,
  stored: stored !== undefined,
  changedBy: stored?.changedBy ?? null,
  changedAt: stored?.changedAt ?? null,
  note: stored?.note ?? null,
  snoozeUntil: stored?.snoozeUntil ?? null,
  snoozeOccurrences: stored?.snoozeOccurrences ?? null,
  snoozeSeen: stored?.state === "SNOOZED" ? stored.snoozeSeen : null,
  snoozeRateCount: stored?.snoozeRateCount ?? null,
  snoozeRateHours: stored?.snoozeRateHours ?? null,
  resolvedFlowVersion: stored?.resolvedFlowVersion ?? null,
  regressedFlowVersion: stored?.regressedFlowVersion ?? null,
  totalCount: stored?.totalCount ?? null,
});
