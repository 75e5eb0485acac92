import type { AlertRule } from "@flowdoctor/inbox";
import type { AlertChannelKind, AlertEventKind } from "@flowdoctor/tickets";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { AlertChannelKindEnum, AlertEventKindEnum } from "./alert-enums.js";

@ObjectType("AlertQuietHours", {
  description:
    "A daily window during which a rule's messages are held, then sent as one digest when it ends.",
})
export class AlertQuietHoursType {
  @Field(() => String, { description: "The start, HH:MM (24-hour), local to `timeZone`." })
  start!: string;

  @Field(() => String, {
    description: "The end, HH:MM; earlier than `start` when the window spans midnight.",
  })
  end!: string;

  @Field(() => String, { description: "UTC or an IANA time zone such as Europe/Berlin." })
  timeZone!: string;
}

@ObjectType("AlertRule", {
  description:
    "Which error-group events of a workspace are sent to which configured channel, how often at most, and when not.",
})
export class AlertRuleType {
  @Field(() => ID, { description: "The rule's id; it stays when the rule is changed." })
  id!: string;

  @Field(() => ID, { description: "The workspace whose groups the rule watches." })
  workspaceId!: string;

  @Field(() => String, { description: "The rule's name, unique in its workspace (redacted)." })
  name!: string;

  @Field(() => [AlertEventKindEnum], { description: "The events it sends." })
  events!: AlertEventKind[];

  @Field(() => [LevelEnum], { description: "Only groups of these troubleshooting levels; empty: any." })
  levels!: string[];

  @Field(() => [CauseEnum], { description: "Only groups of these causes; empty: any." })
  causes!: string[];

  @Field(() => String, {
    description: "The name of the configured channel it sends to (see `alertChannels`).",
  })
  channel!: string;

  @Field(() => Int, {
    description:
      "At most one message per this many minutes; events in between are gathered into one digest. 0: each watcher cycle's events go out at once.",
  })
  digestMinutes!: number;

  @Field(() => AlertQuietHoursType, { nullable: true, description: "When messages are held; null: never." })
  quietHours!: AlertQuietHoursType | null;

  @Field(() => String, { description: "The platform user id of who created it." })
  createdBy!: string;

  @Field(() => DateTimeScalar, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => String, { description: "The platform user id of who changed it last." })
  updatedBy!: string;

  @Field(() => DateTimeScalar, { description: "When it was changed last." })
  updatedAt!: Date;
}

@ObjectType("AlertChannel", {
  description:
    "A channel of the server's configuration that alert rules can name; its target and secret stay there.",
})
export class AlertChannelType {
  @Field(() => String, { description: "The name rules use." })
  name!: string;

  @Field(() => AlertChannelKindEnum, { description: "How it delivers." })
  kind!: AlertChannelKind;
}

/** The GraphQL object of a stored rule. */
export const toAlertRuleType = (rule: AlertRule): AlertRuleType => ({
  ...rule,
  events: [...rule.events],
  levels: [...rule.levels],
  causes: [...rule.causes],
  quietHours: rule.quietHours === null ? null : { ...rule.quietHours },
});
