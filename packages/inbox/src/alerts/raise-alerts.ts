import { type Classification, classifyError } from "@flowdoctor/core";
import { ALERT_EVENT_KINDS, type AlertEventKind, enqueueAlertJob } from "@flowdoctor/tickets";
import { and, asc, eq, inArray, isNotNull, isNull, max } from "drizzle-orm";
import {
  type AlertRuleRow,
  type EventRow,
  type GroupRow,
  inboxAlertRules,
  inboxAlerts,
  inboxEvents,
  inboxGroups,
} from "../db/inbox-schema.js";
import type { Tx } from "../record-cycle.js";
import type { Occurrence } from "../resolve-groups.js";
import { type ComposeOptions, composeAlert, type HeldAlert } from "./compose-alert.js";
import { quietUntil } from "./quiet-hours.js";

const MINUTE_MS = 60_000;

/** How the watcher raises alerts. */
export interface AlertOptions extends ComposeOptions {
  /** Delivery attempts of an alert message before it counts as failed. @default 8 */
  readonly maxAttempts?: number;
}

/** The events of one recorded cycle of a workspace, and each group's latest occurrence (to classify it by). */
export interface RaiseInput {
  readonly workspaceId: string;
  readonly events: readonly EventRow[];
  readonly samples: ReadonlyMap<string, Occurrence>;
  readonly now: Date;
}

const isAlertKind = (kind: string): kind is AlertEventKind =>
  (ALERT_EVENT_KINDS as readonly string[]).includes(kind);

const matches = (rule: AlertRuleRow, kind: AlertEventKind, classification: Classification): boolean =>
  rule.eventKinds.includes(kind) &&
  (rule.levels.length === 0 || rule.levels.includes(classification.level)) &&
  (rule.causes.length === 0 || rule.causes.includes(classification.cause));

const loadGroups = async (tx: Tx, workspaceId: string, fingerprints: readonly string[]) => {
  const rows =
    fingerprints.length === 0
      ? []
      : await tx
          .select()
          .from(inboxGroups)
          .where(
            and(
              eq(inboxGroups.workspaceId, workspaceId),
              inArray(inboxGroups.fingerprint, [...fingerprints]),
            ),
          );
  return new Map(rows.map((row) => [row.fingerprint, row]));
};

/** The group's latest occurrence this cycle, else its pattern: what the gateway's `errorGroups` classifies. */
const classifyGroup = (group: GroupRow, sample: Occurrence | undefined): Classification =>
  classifyError({
    message: sample?.message ?? group.pattern,
    ...(sample?.componentName ? { componentName: sample.componentName } : {}),
  });

/** Writes one held alert per matching rule and event; (rule, event) is the key, so writing twice adds nothing. */
const holdMatches = async (tx: Tx, input: RaiseInput, rules: readonly AlertRuleRow[]): Promise<void> => {
  const events = input.events.filter((event) => isAlertKind(event.kind));
  if (events.length === 0) return;
  const groups = await loadGroups(tx, input.workspaceId, [
    ...new Set(events.map((event) => event.fingerprint)),
  ]);
  const classified = new Map<string, Classification>();
  const rows = [];
  for (const event of events) {
    const group = groups.get(event.fingerprint);
    if (group === undefined) continue;
    let classification = classified.get(group.fingerprint);
    if (classification === undefined) {
      classification = classifyGroup(group, input.samples.get(group.fingerprint));
      classified.set(group.fingerprint, classification);
    }
    for (const rule of rules)
      if (matches(rule, event.kind as AlertEventKind, classification))
        rows.push({
          ruleId: rule.id,
          eventId: event.id,
          workspaceId: input.workspaceId,
          cause: classification.cause,
          level: classification.level,
          raisedAt: input.now,
        });
  }
  if (rows.length > 0) await tx.insert(inboxAlerts).values(rows).onConflictDoNothing();
};

/** Whether a rule may send now: its digest interval has passed since its last message, and it is not quiet. */
const mayRelease = async (tx: Tx, rule: AlertRuleRow, firstHeld: Date, now: Date): Promise<boolean> => {
  if (rule.quietStart !== null && rule.quietEnd !== null && rule.quietTimeZone !== null) {
    const quiet = { start: rule.quietStart, end: rule.quietEnd, timeZone: rule.quietTimeZone };
    if (quietUntil(now, quiet) !== undefined) return false;
  }
  if (now < firstHeld) return false;
  if (rule.digestMinutes === 0) return true;
  const [last] = await tx
    .select({ at: max(inboxAlerts.sentAt) })
    .from(inboxAlerts)
    .where(and(eq(inboxAlerts.ruleId, rule.id), isNotNull(inboxAlerts.jobId)));
  return last?.at == null || now.getTime() >= last.at.getTime() + rule.digestMinutes * MINUTE_MS;
};

const loadHeld = async (tx: Tx, workspaceId: string) =>
  tx
    .select({ alert: inboxAlerts, event: inboxEvents, group: inboxGroups })
    .from(inboxAlerts)
    .innerJoin(inboxEvents, eq(inboxEvents.id, inboxAlerts.eventId))
    .innerJoin(
      inboxGroups,
      and(
        eq(inboxGroups.workspaceId, inboxEvents.workspaceId),
        eq(inboxGroups.fingerprint, inboxEvents.fingerprint),
      ),
    )
    .where(and(eq(inboxAlerts.workspaceId, workspaceId), isNull(inboxAlerts.jobId)))
    .orderBy(asc(inboxAlerts.ruleId), asc(inboxAlerts.eventId))
    .for("update", { of: inboxAlerts });

/**
 * Queues one outbox message per rule whose held alerts may go now (digest interval passed, not in quiet hours), all
 * its held alerts in it, and marks them sent; the job's key is the rule and its first event, so a second run can never
 * queue a copy. Answers the queued jobs' ids.
 */
export const releaseHeldAlerts = async (
  tx: Tx,
  workspaceId: string,
  rules: readonly AlertRuleRow[],
  now: Date,
  options: AlertOptions = {},
): Promise<string[]> => {
  const held = await loadHeld(tx, workspaceId);
  const queued: string[] = [];
  for (const rule of rules) {
    const mine = held.filter((row) => row.alert.ruleId === rule.id);
    const first = mine[0];
    if (first === undefined || !(await mayRelease(tx, rule, first.alert.raisedAt, now))) continue;
    const alerts: HeldAlert[] = mine.map((row) => ({
      ...row,
      cause: row.alert.cause,
      level: row.alert.level,
    }));
    const jobId = await enqueueAlertJob(tx, {
      jobKey: `alert:${rule.id}:${first.alert.eventId}`,
      channel: rule.channel,
      message: composeAlert(rule, alerts, now, options),
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    });
    await tx
      .update(inboxAlerts)
      .set({ jobId, sentAt: now })
      .where(
        and(
          eq(inboxAlerts.ruleId, rule.id),
          inArray(
            inboxAlerts.eventId,
            mine.map((row) => row.alert.eventId),
          ),
        ),
      );
    queued.push(jobId);
  }
  return queued;
};

/** Releases a workspace's held alerts that may go now, in a transaction of its own (when the cycle could not run). */
export const releaseDueAlerts = async (
  tx: Tx,
  workspaceId: string,
  now: Date,
  options: AlertOptions = {},
): Promise<string[]> => {
  const rules = await tx.select().from(inboxAlertRules).where(eq(inboxAlertRules.workspaceId, workspaceId));
  return rules.length === 0 ? [] : releaseHeldAlerts(tx, workspaceId, rules, now, options);
};

/**
 * Raises the alerts of one recorded cycle, in its transaction: holds each event every matching rule of the workspace
 * wants, then releases what may go now (see {@link releaseHeldAlerts}). Answers the outbox jobs it queued.
 */
export const raiseAlerts = async (
  tx: Tx,
  input: RaiseInput,
  options: AlertOptions = {},
): Promise<string[]> => {
  const rules = await tx
    .select()
    .from(inboxAlertRules)
    .where(eq(inboxAlertRules.workspaceId, input.workspaceId));
  if (rules.length === 0) return [];
  await holdMatches(tx, input, rules);
  return releaseHeldAlerts(tx, input.workspaceId, rules, input.now, options);
};
