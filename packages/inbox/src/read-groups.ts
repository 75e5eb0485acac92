import type { TicketDb } from "@flowdoctor/tickets";
import { and, asc, desc, eq, gt, gte, inArray } from "drizzle-orm";
import {
  type EventRow,
  type GroupRow,
  inboxEvents,
  inboxFingerprints,
  inboxGroups,
  inboxHourlyCounts,
} from "./db/inbox-schema.js";
import { currentFingerprinter, FINGERPRINTERS, type Fingerprinter } from "./fingerprints.js";
import type { GroupState } from "./group-state.js";

const MAX_LIST = 1000;

/**
 * The stored groups of the given fingerprints (as `errorGroups` computes them, under the current grouping version),
 * keyed by those fingerprints; fingerprints the inbox has not stored are absent.
 */
export const readGroupStates = async (
  db: TicketDb,
  workspaceId: string,
  fingerprints: readonly string[],
  fingerprinters: readonly Fingerprinter[] = FINGERPRINTERS,
): Promise<Map<string, GroupRow>> => {
  if (fingerprints.length === 0) return new Map();
  const rows = await db
    .select({ alias: inboxFingerprints.fingerprint, group: inboxGroups })
    .from(inboxFingerprints)
    .innerJoin(
      inboxGroups,
      and(
        eq(inboxGroups.workspaceId, inboxFingerprints.workspaceId),
        eq(inboxGroups.fingerprint, inboxFingerprints.groupFingerprint),
      ),
    )
    .where(
      and(
        eq(inboxFingerprints.workspaceId, workspaceId),
        eq(inboxFingerprints.version, currentFingerprinter(fingerprinters).version),
        inArray(inboxFingerprints.fingerprint, [...fingerprints]),
      ),
    );
  return new Map(rows.map((row) => [row.alias, row.group]));
};

/** A workspace's stored groups in the given states (all when empty), latest seen first, at most `limit` (≤ 1000). */
export const listGroups = (
  db: TicketDb,
  workspaceId: string,
  options: { readonly states?: readonly GroupState[]; readonly limit?: number } = {},
): Promise<GroupRow[]> =>
  db
    .select()
    .from(inboxGroups)
    .where(
      and(
        eq(inboxGroups.workspaceId, workspaceId),
        options.states === undefined || options.states.length === 0
          ? undefined
          : inArray(inboxGroups.state, [...options.states]),
      ),
    )
    .orderBy(desc(inboxGroups.lastSeen), asc(inboxGroups.fingerprint))
    .limit(Math.min(options.limit ?? MAX_LIST, MAX_LIST));

/** A group's hourly counts from `since` on, oldest first (hours without occurrences are absent). */
export const readHourlyCounts = (db: TicketDb, workspaceId: string, fingerprint: string, since: Date) =>
  db
    .select({ hour: inboxHourlyCounts.hour, count: inboxHourlyCounts.count })
    .from(inboxHourlyCounts)
    .where(
      and(
        eq(inboxHourlyCounts.workspaceId, workspaceId),
        eq(inboxHourlyCounts.fingerprint, fingerprint),
        gte(inboxHourlyCounts.hour, since),
      ),
    )
    .orderBy(asc(inboxHourlyCounts.hour));

/**
 * The hourly counts of several groups of a workspace from `since` on, oldest first, in one query, keyed by group
 * fingerprint (groups without counts are absent; so are hours without occurrences).
 */
export const readHourlyTrends = async (
  db: TicketDb,
  workspaceId: string,
  fingerprints: readonly string[],
  since: Date,
): Promise<Map<string, { hour: Date; count: number }[]>> => {
  const trends = new Map<string, { hour: Date; count: number }[]>();
  if (fingerprints.length === 0) return trends;
  const rows = await db
    .select()
    .from(inboxHourlyCounts)
    .where(
      and(
        eq(inboxHourlyCounts.workspaceId, workspaceId),
        inArray(inboxHourlyCounts.fingerprint, [...fingerprints]),
        gte(inboxHourlyCounts.hour, since),
      ),
    )
    .orderBy(asc(inboxHourlyCounts.fingerprint), asc(inboxHourlyCounts.hour));
  for (const row of rows) {
    const trend = trends.get(row.fingerprint) ?? [];
    trend.push({ hour: row.hour, count: row.count });
    trends.set(row.fingerprint, trend);
  }
  return trends;
};

/** A workspace's events after `afterId`, oldest first, at most `limit` (≤ 1000). */
export const readEvents = (
  db: TicketDb,
  workspaceId: string,
  afterId = 0,
  limit = MAX_LIST,
): Promise<EventRow[]> =>
  db
    .select()
    .from(inboxEvents)
    .where(and(eq(inboxEvents.workspaceId, workspaceId), gt(inboxEvents.id, afterId)))
    .orderBy(asc(inboxEvents.id))
    .limit(Math.min(limit, MAX_LIST));
