import { randomUUID } from "node:crypto";
import { CAUSES, type Cause, LEVELS, type Level, redactSecrets } from "@flowdoctor/core";
import { ALERT_EVENT_KINDS, type AlertEventKind, type TicketDb } from "@flowdoctor/tickets";
import { and, asc, eq } from "drizzle-orm";
import { type AlertRuleRow, inboxAlertRules } from "../db/inbox-schema.js";
import { badInput, InboxError } from "../inbox-error.js";
import { isTimeZone, minutesOf, type QuietHours } from "./quiet-hours.js";

/** An alert rule as a person sets it. */
export interface AlertRuleInput {
  readonly workspaceId: string;
  /** Unique in the workspace; setting a rule of an existing name replaces it. */
  readonly name: string;
  readonly events: readonly AlertEventKind[];
  /** Only groups of these taxonomy levels; empty or absent: any. */
  readonly levels?: readonly Level[];
  /** Only groups of these causes; empty or absent: any. */
  readonly causes?: readonly Cause[];
  /** A configured channel's name. */
  readonly channel: string;
  /** At most one message per this many minutes; 0: each cycle's events at once. @default 0 */
  readonly digestMinutes?: number;
  readonly quietHours?: QuietHours;
}

/** A stored alert rule. */
export interface AlertRule extends Required<Omit<AlertRuleInput, "quietHours">> {
  readonly id: string;
  readonly quietHours: QuietHours | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** Who sets a rule, when, and which channel names the server has. */
export interface AlertRuleChange {
  readonly by: string;
  readonly now: Date;
  readonly channels: ReadonlySet<string>;
}

const MAX_NAME = 100;
/** The longest digest interval a rule may have: a week. */
export const MAX_DIGEST_MINUTES = 10_080;
const MAX_RULES_PER_WORKSPACE = 100;

const subsetOf = <T extends string>(
  field: string,
  values: readonly T[] | undefined,
  allowed: readonly T[],
  required: boolean,
): T[] => {
  const list = [...new Set(values ?? [])];
  if (required && list.length === 0)
    throw badInput(field, `at least one of ${allowed.join(", ")} is required`);
  const wrong = list.find((value) => !allowed.includes(value));
  if (wrong !== undefined) throw badInput(field, `must be among ${allowed.join(", ")}`);
  return list;
};

const checkQuietHours = (quiet: QuietHours | undefined): QuietHours | undefined => {
  if (quiet === undefined) return undefined;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === undefined) throw badInput("quietHours.start", "must be HH:MM (24-hour), e.g. 22:00");
  if (end === undefined) throw badInput("quietHours.end", "must be HH:MM (24-hour), e.g. 07:00");
  if (start === end) throw badInput("quietHours.end", "must differ from start");
  if (!isTimeZone(quiet.timeZone))
    throw badInput("quietHours.timeZone", "must be UTC or an IANA time zone such as Europe/Berlin");
  return { start: quiet.start, end: quiet.end, timeZone: quiet.timeZone };
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A rule name trimmed; BAD_USER_INPUT for an empty, overlong or unprintable one (NUL cannot be stored). */
const checkName = (raw: string): string => {
  const name = raw.trim();
  if (name === "" || name.length > MAX_NAME || CONTROL.test(name) || LONE_SURROGATE.test(name))
    throw badInput("name", `must be 1 to ${MAX_NAME} printable characters`);
  return name;
};

/** The rule checked field by field; throws BAD_USER_INPUT naming the first field at fault. */
export const checkAlertRule = (input: AlertRuleInput, channels: ReadonlySet<string>) => {
  const name = checkName(input.name);
  if (!channels.has(input.channel))
    throw badInput(
      "channel",
      channels.size === 0
        ? "no alert channel is configured on this server (ALERT_CHANNELS)"
        : `must be one of the configured channels: ${[...channels].sort().join(", ")}`,
    );
  const digestMinutes = input.digestMinutes ?? 0;
  if (!Number.isInteger(digestMinutes) || digestMinutes < 0 || digestMinutes > MAX_DIGEST_MINUTES)
    throw badInput("digestMinutes", `must be an integer from 0 to ${MAX_DIGEST_MINUTES} (a week)`);
  const quiet = checkQuietHours(input.quietHours);
  return {
    workspaceId: input.workspaceId,
    name: redactSecrets(name),
    eventKinds: subsetOf("events", input.events, ALERT_EVENT_KINDS, true),
    levels: subsetOf("levels", input.levels, LEVELS, false),
    causes: subsetOf("causes", input.causes, CAUSES, false),
    channel: input.channel,
    digestMinutes,
    quietStart: quiet?.start ?? null,
    quietEnd: quiet?.end ?? null,
    quietTimeZone: quiet?.timeZone ?? null,
  };
};

/** A stored row as the rule callers see. */
export const toAlertRule = (row: AlertRuleRow): AlertRule => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  events: row.eventKinds,
  levels: row.levels,
  causes: row.causes,
  channel: row.channel,
  digestMinutes: row.digestMinutes,
  quietHours:
    row.quietStart === null || row.quietEnd === null || row.quietTimeZone === null
      ? null
      : { start: row.quietStart, end: row.quietEnd, timeZone: row.quietTimeZone },
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedBy: row.updatedBy,
  updatedAt: row.updatedAt,
});

/** A workspace's alert rules by name. */
export const listAlertRules = async (db: TicketDb, workspaceId: string): Promise<AlertRule[]> =>
  (
    await db
      .select()
      .from(inboxAlertRules)
      .where(eq(inboxAlertRules.workspaceId, workspaceId))
      .orderBy(asc(inboxAlertRules.name))
  ).map(toAlertRule);

/**
 * Creates the rule, or replaces the one of the same name (keeping its id and who created it), in one statement, so
 * a bad input writes nothing. Throws BAD_USER_INPUT naming the field at fault.
 */
export const setAlertRule = async (
  db: TicketDb,
  input: AlertRuleInput,
  change: AlertRuleChange,
): Promise<AlertRule> => {
  const fields = checkAlertRule(input, change.channels);
  const existing = await db
    .select({ name: inboxAlertRules.name })
    .from(inboxAlertRules)
    .where(eq(inboxAlertRules.workspaceId, input.workspaceId));
  if (existing.length >= MAX_RULES_PER_WORKSPACE && !existing.some((rule) => rule.name === fields.name))
    throw badInput("name", `a workspace has at most ${MAX_RULES_PER_WORKSPACE} alert rules`);
  const stamp = { updatedBy: change.by, updatedAt: change.now };
  const [row] = await db
    .insert(inboxAlertRules)
    .values({ id: randomUUID(), ...fields, createdBy: change.by, createdAt: change.now, ...stamp })
    .onConflictDoUpdate({
      target: [inboxAlertRules.workspaceId, inboxAlertRules.name],
      set: { ...fields, ...stamp },
    })
    .returning();
  if (row === undefined) throw new Error("the alert rule was not stored");
  return toAlertRule(row);
};

/** Deletes a workspace's rule by name, with its held alerts; NOT_FOUND when there is none. */
export const deleteAlertRule = async (
  db: TicketDb,
  workspaceId: string,
  name: string,
): Promise<AlertRule> => {
  const [row] = await db
    .delete(inboxAlertRules)
    .where(and(eq(inboxAlertRules.workspaceId, workspaceId), eq(inboxAlertRules.name, checkName(name))))
    .returning();
  if (row === undefined)
    throw new InboxError("NOT_FOUND", `name: workspace ${workspaceId} has no alert rule of that name`, {
      field: "name",
    });
  return toAlertRule(row);
};
