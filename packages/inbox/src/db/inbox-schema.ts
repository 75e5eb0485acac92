import type { Cause, Level } from "@flowdoctor/core";
import type { AlertEventKind } from "@flowdoctor/tickets";
import {
  bigint,
  bigserial,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { GroupEventKind, GroupState } from "../group-state.js";

const time = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** `inbox_groups` (see `migrations/0001_inbox.sql`, which is the source of truth). */
export const inboxGroups = pgTable(
  "inbox_groups",
  {
    workspaceId: text("workspace_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    fingerprintVersion: integer("fingerprint_version").notNull(),
    flowId: text("flow_id").notNull(),
    stepId: text("step_id"),
    pattern: text("pattern").notNull(),
    state: text("state").$type<GroupState>().notNull(),
    firstSeen: time("first_seen").notNull(),
    lastSeen: time("last_seen").notNull(),
    totalCount: bigint("total_count", { mode: "number" }).notNull().default(0),
    lastFlowVersion: text("last_flow_version"),
    changedBy: text("changed_by"),
    changedAt: time("changed_at").notNull(),
    note: text("note"),
    resolvedFlowVersion: text("resolved_flow_version"),
    regressedFlowVersion: text("regressed_flow_version"),
    snoozeUntil: time("snooze_until"),
    snoozeOccurrences: integer("snooze_occurrences"),
    snoozeSeen: integer("snooze_seen").notNull().default(0),
    snoozeRateCount: integer("snooze_rate_count"),
    snoozeRateHours: integer("snooze_rate_hours"),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.fingerprint] })],
);

export const inboxFingerprints = pgTable(
  "inbox_fingerprints",
  {
    workspaceId: text("workspace_id").notNull(),
    version: integer("version").notNull(),
    fingerprint: text("fingerprint").notNull(),
    groupFingerprint: text("group_fingerprint").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.version, table.fingerprint] })],
);

export const inboxHourlyCounts = pgTable(
  "inbox_hourly_counts",
  {
    workspaceId: text("workspace_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    hour: time("hour").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.fingerprint, table.hour] })],
);

export const inboxEvents = pgTable("inbox_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  fingerprint: text("fingerprint").notNull(),
  kind: text("kind").$type<GroupEventKind>().notNull(),
  state: text("state").$type<GroupState>().notNull(),
  at: time("at").notNull(),
  flowVersion: text("flow_version"),
  detail: jsonb("detail").$type<Readonly<Record<string, unknown>>>().notNull().default({}),
});

export type GroupRow = typeof inboxGroups.$inferSelect;
export type EventRow = typeof inboxEvents.$inferSelect;

export const inboxWatches = pgTable("inbox_watches", {
  workspaceId: text("workspace_id").primaryKey(),
  credentials: text("credentials").notNull(),
  cursorAt: time("cursor_at"),
  cursorIds: jsonb("cursor_ids").$type<string[]>().notNull().default([]),
  updatedAt: time("updated_at").notNull(),
});

export type WatchRow = typeof inboxWatches.$inferSelect;

export const inboxAlertRules = pgTable("inbox_alert_rules", {
  id: uuid("id").primaryKey(),
  workspaceId: text("workspace_id").notNull(),
  name: text("name").notNull(),
  eventKinds: jsonb("event_kinds").$type<AlertEventKind[]>().notNull(),
  levels: jsonb("levels").$type<Level[]>().notNull().default([]),
  causes: jsonb("causes").$type<Cause[]>().notNull().default([]),
  channel: text("channel").notNull(),
  digestMinutes: integer("digest_minutes").notNull().default(0),
  quietStart: text("quiet_start"),
  quietEnd: text("quiet_end"),
  quietTimeZone: text("quiet_time_zone"),
  createdBy: text("created_by").notNull(),
  createdAt: time("created_at").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: time("updated_at").notNull(),
});

export type AlertRuleRow = typeof inboxAlertRules.$inferSelect;

export const inboxAlerts = pgTable(
  "inbox_alerts",
  {
    ruleId: uuid("rule_id").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    workspaceId: text("workspace_id").notNull(),
    cause: text("cause").$type<Cause>().notNull(),
    level: text("level").$type<Level>().notNull(),
    raisedAt: time("raised_at").notNull(),
    jobId: uuid("job_id"),
    sentAt: time("sent_at"),
  },
  (table) => [primaryKey({ columns: [table.ruleId, table.eventId] })],
);
