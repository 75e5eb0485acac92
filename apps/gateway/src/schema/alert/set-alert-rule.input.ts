import type { Cause, Level } from "@flowdoctor/core";
import type { AlertEventKind } from "@flowdoctor/tickets";
import { Field, ID, InputType, Int } from "type-graphql";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { AlertEventKindEnum } from "./alert-enums.js";

@InputType("AlertQuietHoursInput", { description: "A daily window during which a rule's messages are held." })
export class AlertQuietHoursInput {
  @Field(() => String, { description: "The start, HH:MM (24-hour), e.g. 22:00." })
  start!: string;

  @Field(() => String, {
    description: "The end, HH:MM, e.g. 07:00 (before `start`: the window spans midnight).",
  })
  end!: string;

  @Field(() => String, { description: "UTC or an IANA time zone such as Europe/Berlin." })
  timeZone!: string;
}

@InputType("SetAlertRuleInput", {
  description: "An alert rule; a rule of the same name in the workspace is replaced (it keeps its id).",
})
export class SetAlertRuleInput {
  @Field(() => ID, { description: "The workspace; you must be able to read its logs." })
  workspaceId!: string;

  @Field(() => String, { description: "The rule's name, 1 to 100 characters, unique in the workspace." })
  name!: string;

  @Field(() => [AlertEventKindEnum], { description: "The events to send; at least one." })
  events!: AlertEventKind[];

  @Field(() => [LevelEnum], {
    nullable: true,
    description: "Only groups of these levels; empty or absent: any.",
  })
  levels?: Level[] | null;

  @Field(() => [CauseEnum], {
    nullable: true,
    description: "Only groups of these causes; empty or absent: any.",
  })
  causes?: Cause[] | null;

  @Field(() => String, {
    description:
      "A configured channel's name (see `alertChannels`); URLs and secrets are only configured on the server.",
  })
  channel!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "At most one message per this many minutes (0 to 10080); default 0: each cycle's events at once.",
  })
  digestMinutes?: number | null;

  @Field(() => AlertQuietHoursInput, {
    nullable: true,
    description: "When messages are held; absent: never.",
  })
  quietHours?: AlertQuietHoursInput | null;
}
