import type { GroupEventKind, LiveEvent } from "@flowdoctor/inbox";
import { Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar, JsonScalar } from "../common/scalars.js";
import { ErrorGroupStatusType } from "../inbox/error-group-status.type.js";
import { ErrorGroupStateEnum } from "../inbox/group-state.enum.js";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const ErrorGroupEventKindEnum = enumOf<GroupEventKind>([
  "NEW",
  "REGRESSED",
  "ESCALATING",
  "SNOOZE_ENDED",
  "STATE_CHANGED",
]);
registerEnumType(ErrorGroupEventKindEnum, {
  name: "ErrorGroupEventKind",
  description: "What happened to an error group, as the inbox recorded it.",
  valuesConfig: {
    NEW: { description: "The watcher saw the group for the first time." },
    REGRESSED: {
      description: "A resolved group occurred again; `flowVersion` is the flow version in force.",
    },
    ESCALATING: { description: "The group occurs well above its own recent rate." },
    SNOOZE_ENDED: { description: "A snooze's condition was met; the group is unresolved again." },
    STATE_CHANGED: { description: "Someone changed the group's state (`setErrorGroupState`)." },
  },
});

@ObjectType("ErrorGroupSummary", {
  description: "An error group as the inbox stores it now (not a scan of the live logs).",
})
export class ErrorGroupSummaryType {
  @Field(() => String, { description: "The platform id of the flow it happens in." })
  flowId!: string;

  @Field(() => String, { nullable: true, description: "The platform step id that logs it, when known." })
  stepId!: string | null;

  @Field(() => String, { description: "The normalised message its entries share." })
  pattern!: string;

  @Field(() => DateTimeScalar, { description: "The oldest occurrence the inbox knows of." })
  firstSeen!: Date;

  @Field(() => DateTimeScalar, { description: "The newest occurrence the inbox knows of." })
  lastSeen!: Date;

  @Field(() => Float, { description: "Occurrences the watcher counted since the group was stored." })
  totalCount!: number;

  @Field(() => ErrorGroupStatusType, { description: "Its state, who set it, when and why." })
  status!: ErrorGroupStatusType;
}

@ObjectType("ErrorGroupEvent", {
  description:
    "One thing that happened to an error group of a workspace (`errorGroupEvents`), with the group as it is now.",
})
export class ErrorGroupEventType {
  @Field(() => ID, {
    description:
      "The event's id: increasing in the order events were stored; the same on every gateway replica.",
  })
  id!: string;

  @Field(() => ErrorGroupEventKindEnum, { description: "What happened." })
  kind!: GroupEventKind;

  @Field(() => ID, { description: "The workspace of the group." })
  workspaceId!: string;

  @Field(() => String, {
    description:
      "The group's fingerprint as the inbox stores it (the `ErrorGroup.fingerprint` of `errorGroups` while the grouping rules stay the same).",
  })
  fingerprint!: string;

  @Field(() => ErrorGroupStateEnum, { description: "The group's state right after the event." })
  state!: LiveEvent["state"];

  @Field(() => DateTimeScalar, { description: "When the event was recorded." })
  at!: Date;

  @Field(() => String, { nullable: true, description: "The flow version in force at the event, when known." })
  flowVersion!: string | null;

  @Field(() => JsonScalar, {
    description:
      "Facts of the event: `count` (occurrences in the cycle), and for REGRESSED `resolvedFlowVersion` and `newFlowVersion` (whether the flow changed since it was resolved).",
  })
  detail!: Readonly<Record<string, unknown>>;

  @Field(() => ErrorGroupSummaryType, {
    nullable: true,
    description: "The group as the inbox stores it now; null if it was removed since.",
  })
  group!: ErrorGroupSummaryType | null;
}
