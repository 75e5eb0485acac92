import type { SettableState } from "@flowdoctor/inbox";
import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { SettableGroupStateEnum } from "./group-state.enum.js";

@InputType("ErrorGroupSnoozeInput", {
  description: "When a snoozed group wakes: the first condition met. At least one is required.",
})
export class ErrorGroupSnoozeInput {
  @Field(() => DateTimeScalar, { nullable: true, description: "Wake at this time (in the future)." })
  until?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "Wake after this many further occurrences (1 to 1,000,000).",
  })
  occurrences?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Wake when it occurs this many times within `rateHours` (both required together).",
  })
  rateCount?: number | null;

  @Field(() => Int, { nullable: true, description: "The window of `rateCount`, in hours (1 to 720)." })
  rateHours?: number | null;
}

@InputType("SetErrorGroupStateInput", { description: "A change of an error group's state." })
export class SetErrorGroupStateInput {
  @Field(() => ID, { description: "The workspace the group belongs to; you must be able to read its logs." })
  workspaceId!: string;

  @Field(() => String, { description: "An `ErrorGroup.fingerprint` read from `errorGroups`." })
  fingerprint!: string;

  @Field(() => SettableGroupStateEnum, { description: "The new state." })
  state!: SettableState;

  @Field(() => String, { nullable: true, description: "Why (at most 2,000 characters; stored redacted)." })
  note?: string | null;

  @Field(() => ErrorGroupSnoozeInput, {
    nullable: true,
    description: "Required with SNOOZED, refused otherwise.",
  })
  snooze?: ErrorGroupSnoozeInput | null;
}
