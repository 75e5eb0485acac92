import { CAUSE_INFO, type Cause, isCause, redactObject } from "@flowdoctor/core";
import type { AlertEventKind, AlertItem, AlertMessage } from "@flowdoctor/tickets";
import type { AlertRuleRow, EventRow, GroupRow } from "../db/inbox-schema.js";

/** How alert messages are written. */
export interface ComposeOptions {
  /** The gateway's public URL (e.g. `https://flowdoctor.example.com`), for links into the playground console. */
  readonly consoleUrl?: string;
  /** The most events one message lists; the rest are counted. @default 50 */
  readonly maxItems?: number;
}

/** A held alert with what it is about. */
export interface HeldAlert {
  readonly event: EventRow;
  readonly group: GroupRow;
  readonly cause: Cause | string;
  readonly level: string;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const WHAT_HAPPENED: { readonly [K in AlertEventKind]: (event: EventRow) => string } = {
  NEW: () => "A new problem in this workspace.",
  REGRESSED: (event) =>
    event.detail.newFlowVersion === true && event.flowVersion !== null
      ? `It came back after it was resolved, under a new flow version (${event.flowVersion}).`
      : "It came back after it was resolved.",
  ESCALATING: () => "It occurs well above its own recent rate.",
};

/** What happened, what the cause means, and the first remedy (the taxonomy's words). */
const summaryOf = (alert: HeldAlert): string => {
  const info = isCause(alert.cause) ? CAUSE_INFO[alert.cause] : undefined;
  const meaning = info === undefined ? "" : ` ${info.title}. ${info.remedy}`;
  return `${WHAT_HAPPENED[alert.event.kind as AlertEventKind](alert.event)}${meaning}`;
};

/** The group in the playground console: the diagnosis view of its flow, the group picked. */
export const consoleLink = (consoleUrl: string | undefined, group: GroupRow): string | null => {
  if (consoleUrl === undefined || consoleUrl === "") return null;
  const params = new URLSearchParams({
    flow: group.flowId,
    group: group.fingerprint,
    workspace: group.workspaceId,
  });
  return `${consoleUrl.replace(/\/+$/, "")}/playground#/diagnosis?${params.toString()}`;
};

const itemOf = (alert: HeldAlert, options: ComposeOptions): AlertItem => ({
  eventId: String(alert.event.id),
  kind: alert.event.kind as AlertEventKind,
  at: alert.event.at.toISOString(),
  group: {
    workspaceId: alert.group.workspaceId,
    fingerprint: alert.group.fingerprint,
    flowId: alert.group.flowId,
    stepId: alert.group.stepId,
    pattern: alert.group.pattern,
    cause: alert.cause,
    level: alert.level,
    count: typeof alert.event.detail.count === "number" ? alert.event.detail.count : 0,
    totalCount: alert.group.totalCount,
    firstSeen: alert.group.firstSeen.toISOString(),
    lastSeen: alert.group.lastSeen.toISOString(),
    flowVersion: alert.event.flowVersion,
  },
  summary: summaryOf(alert),
  link: consoleLink(options.consoleUrl, alert.group),
});

const KIND_WORDS: { readonly [K in AlertEventKind]: string } = {
  NEW: "new",
  REGRESSED: "regressed",
  ESCALATING: "escalating",
};

const subjectOf = (rule: AlertRuleRow, alerts: readonly HeldAlert[]): string => {
  const [only] = alerts;
  if (alerts.length === 1 && only !== undefined)
    return `[Flowdoctor] ${KIND_WORDS[only.event.kind as AlertEventKind]}: ${clip(only.group.pattern, 120)}`;
  const counts = (Object.keys(KIND_WORDS) as AlertEventKind[])
    .map((kind) => [kind, alerts.filter((alert) => alert.event.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${KIND_WORDS[kind]}`);
  return `[Flowdoctor] ${alerts.length} alerts of "${clip(rule.name, 60)}": ${counts.join(", ")}`;
};

/** One message for a rule's held alerts, oldest first; every text redacted. */
export const composeAlert = (
  rule: AlertRuleRow,
  alerts: readonly HeldAlert[],
  now: Date,
  options: ComposeOptions = {},
): AlertMessage => {
  const maxItems = options.maxItems ?? 50;
  return redactObject({
    ruleId: rule.id,
    ruleName: rule.name,
    workspaceId: rule.workspaceId,
    subject: subjectOf(rule, alerts),
    items: alerts.slice(0, maxItems).map((alert) => itemOf(alert, options)),
    omitted: Math.max(0, alerts.length - maxItems),
    createdAt: now.toISOString(),
  });
};
