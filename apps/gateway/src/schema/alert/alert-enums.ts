import {
  ALERT_CHANNEL_KINDS,
  ALERT_EVENT_KINDS,
  type AlertChannelKind,
  type AlertEventKind,
} from "@flowdoctor/tickets";
import { registerEnumType } from "type-graphql";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const AlertEventKindEnum = enumOf<AlertEventKind>(ALERT_EVENT_KINDS);
registerEnumType(AlertEventKindEnum, {
  name: "AlertEventKind",
  description: "The error-group events an alert rule can tell about.",
  valuesConfig: {
    NEW: { description: "A group seen for the first time." },
    REGRESSED: { description: "A resolved group seen again." },
    ESCALATING: { description: "A group occurring well above its own recent rate." },
  },
});

export const AlertChannelKindEnum = enumOf<AlertChannelKind>(ALERT_CHANNEL_KINDS);
registerEnumType(AlertChannelKindEnum, {
  name: "AlertChannelKind",
  description: "How a configured alert channel delivers.",
  valuesConfig: {
    EMAIL: { description: "E-mail by SMTP (a stable Message-ID per message)." },
    WEBHOOK: {
      description:
        "A JSON POST signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature).",
    },
    SLACK: { description: "A Slack-compatible incoming webhook (`text` and `blocks`)." },
    TEAMS: { description: "A Teams-compatible incoming webhook (a MessageCard)." },
    MAIL_FOLDER: { description: "E-mails written as .eml files into a folder (the embedded set-up)." },
  },
});
