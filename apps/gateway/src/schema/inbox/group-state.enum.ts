import type { GroupState, SettableState } from "@flowdoctor/inbox";
import { registerEnumType } from "type-graphql";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const ErrorGroupStateEnum = enumOf<GroupState>([
  "NEW",
  "ONGOING",
  "REGRESSED",
  "ESCALATING",
  "RESOLVED",
  "IGNORED",
  "SNOOZED",
]);
registerEnumType(ErrorGroupStateEnum, {
  name: "ErrorGroupState",
  description:
    "Where an error group is in its life. The watcher moves the unresolved ones (NEW, ONGOING, REGRESSED, ESCALATING); people set ONGOING, RESOLVED, IGNORED and SNOOZED.",
  valuesConfig: {
    NEW: { description: "First seen recently (or never handled and not stored yet)." },
    ONGOING: { description: "Seen for a while, or back from a snooze or a regression." },
    REGRESSED: {
      description: "Resolved, then seen again; `regressedFlowVersion` says under which flow version.",
    },
    ESCALATING: { description: "Occurring well above its own recent rate." },
    RESOLVED: { description: "Someone resolved it; it regresses when it occurs again." },
    IGNORED: { description: "Someone chose not to be told about it again." },
    SNOOZED: {
      description: "Quiet until a time, a number of further occurrences or a rate, whichever comes first.",
    },
  },
});

export const SettableGroupStateEnum = enumOf<SettableState>(["ONGOING", "RESOLVED", "IGNORED", "SNOOZED"]);
registerEnumType(SettableGroupStateEnum, {
  name: "ErrorGroupSettableState",
  description: "The states a person may give an error group.",
  valuesConfig: {
    ONGOING: { description: "Unresolved again (ends a snooze, reopens a resolved or ignored group)." },
    RESOLVED: { description: "Fixed; the group regresses when it occurs again." },
    IGNORED: { description: "Never tell about it again." },
    SNOOZED: { description: "Quiet until `snooze` says (at least one of its conditions is required)." },
  },
});
