import { redactObject } from "@flowdoctor/core";
import type { SendMailOptions } from "nodemailer";

/** The group events an alert tells about. */
export const ALERT_EVENT_KINDS = ["NEW", "REGRESSED", "ESCALATING"] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/** The error group an alert item is about, as the inbox stored it when the alert was raised. */
export interface AlertGroup {
  readonly workspaceId: string;
  readonly fingerprint: string;
  readonly flowId: string;
  readonly stepId: string | null;
  /** The normalized message all the group's occurrences share. */
  readonly pattern: string;
  /** The taxonomy's cause and level of the group's latest message. */
  readonly cause: string;
  readonly level: string;
  /** Occurrences in the cycle that raised the event. */
  readonly count: number;
  readonly totalCount: number;
  /** ISO-8601. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly flowVersion: string | null;
}

/** One event of an alert: what happened to which group, what it means and where to look. */
export interface AlertItem {
  /** The inbox event's id. */
  readonly eventId: string;
  readonly kind: AlertEventKind;
  /** When the watcher recorded it (ISO-8601). */
  readonly at: string;
  readonly group: AlertGroup;
  /** The diagnosis summary: what the cause means and the first remedy. */
  readonly summary: string;
  /** The group in the playground console, when the gateway's public URL is configured. */
  readonly link: string | null;
}

/** One alert message (a digest of one or more events of one rule), composed and redacted by the inbox. */
export interface AlertMessage {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly workspaceId: string;
  readonly subject: string;
  /** The events, oldest first (at most a bounded number; `omitted` counts the rest). */
  readonly items: readonly AlertItem[];
  readonly omitted: number;
  /** When the message was queued (ISO-8601). */
  readonly createdAt: string;
}

/** An alert as the outbox sends it. */
export interface OutgoingAlert extends AlertMessage {
  /** The outbox job's id: the same on every attempt of this message; receivers de-duplicate on it. */
  readonly deliveryId: string;
}

/** The alert's stable e-mail Message-ID. */
export const alertMessageId = (deliveryId: string): string => `<alert.${deliveryId}@flowdoctor>`;

/** The alert with every text redacted again at the door (a secret shape may be newer than the message). */
export const redactAlert = (alert: OutgoingAlert): OutgoingAlert => redactObject(alert);

const KIND_WORDS: { readonly [K in AlertEventKind]: string } = {
  NEW: "New problem",
  REGRESSED: "Regressed",
  ESCALATING: "Escalating",
};

/** One line per item: `New problem: <pattern>`. */
export const alertItemTitle = (item: AlertItem): string => `${KIND_WORDS[item.kind]}: ${item.group.pattern}`;

const itemFacts = (item: AlertItem): [string, string][] => [
  ["Cause", `${item.group.cause} (${item.group.level})`],
  ["Flow", item.group.flowId],
  ["Step", item.group.stepId ?? "–"],
  ["Occurrences", `${item.group.count} now, ${item.group.totalCount} in all`],
  ["First seen", item.group.firstSeen],
  ["Last seen", item.group.lastSeen],
  ["Fingerprint", item.group.fingerprint],
];

/** The plain text of an alert (the e-mail body). */
export const alertText = (alert: OutgoingAlert): string => {
  const items = alert.items.map((item) =>
    [
      alertItemTitle(item),
      ...itemFacts(item).map(([name, value]) => `  ${name}: ${value}`),
      `  ${item.summary}`,
      ...(item.link === null ? [] : [`  Open: ${item.link}`]),
    ].join("\n"),
  );
  const more = alert.omitted > 0 ? [`…and ${alert.omitted} more event(s).`] : [];
  return [
    `Alert rule "${alert.ruleName}" of workspace ${alert.workspaceId}`,
    "",
    ...items.flatMap((item) => [item, ""]),
    ...more,
    `Delivery id: ${alert.deliveryId}`,
  ].join("\n");
};

/** The e-mail of an alert, with a stable Message-ID and the delivery id in a header. */
export const alertMailOptions = (
  alert: OutgoingAlert,
  from: string,
  to: readonly string[],
): SendMailOptions => {
  const safe = redactAlert(alert);
  return {
    from,
    to: [...to],
    subject: safe.subject,
    text: alertText(safe),
    messageId: alertMessageId(safe.deliveryId),
    headers: { "X-Flowdoctor-Alert": safe.deliveryId, "X-Flowdoctor-Rule": safe.ruleId },
  };
};

/** The JSON body of a signed (Standard Webhooks) alert. */
export const alertWebhookPayload = (alert: OutgoingAlert) => {
  const safe = redactAlert(alert);
  return { type: "inbox.alert", ...safe };
};

// Slack: a section's text holds at most 3000 characters, a header 150, and a message 50 blocks.
const SLACK_TEXT_MAX = 2900;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const escapeSlack = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A Slack-compatible incoming-webhook body: `text` (the notification) and `blocks`. */
export const slackPayload = (alert: OutgoingAlert) => {
  const safe = redactAlert(alert);
  const blocks: object[] = [{ type: "header", text: { type: "plain_text", text: clip(safe.subject, 150) } }];
  for (const item of safe.items.slice(0, 20)) {
    const facts = itemFacts(item).map(([name, value]) => `*${name}:* ${escapeSlack(value)}`);
    const link = item.link === null ? [] : [`<${item.link}|Open in the console>`];
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: clip(
          [`*${escapeSlack(alertItemTitle(item))}*`, ...facts, escapeSlack(item.summary), ...link].join("\n"),
          SLACK_TEXT_MAX,
        ),
      },
    });
  }
  const omitted = safe.omitted + Math.max(0, safe.items.length - 20);
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: `${omitted > 0 ? `…and ${omitted} more event(s). ` : ""}Delivery id ${safe.deliveryId}`,
      },
    ],
  });
  return { text: clip(safe.subject, SLACK_TEXT_MAX), blocks };
};

/** A Teams-compatible incoming-webhook body (an Office 365 connector MessageCard). */
export const teamsPayload = (alert: OutgoingAlert) => {
  const safe = redactAlert(alert);
  return {
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: clip(safe.subject, 150),
    themeColor: "D13438",
    title: safe.subject,
    sections: safe.items.slice(0, 10).map((item) => ({
      activityTitle: alertItemTitle(item),
      text: item.summary,
      facts: itemFacts(item).map(([name, value]) => ({ name, value })),
      markdown: false,
    })),
    potentialAction: safe.items
      .filter((item) => item.link !== null)
      .slice(0, 1)
      .map((item) => ({
        "@type": "OpenUri",
        name: "Open in the console",
        targets: [{ os: "default", uri: item.link }],
      })),
    deliveryId: safe.deliveryId,
  };
};
