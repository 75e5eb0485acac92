import type { TicketDb } from "@flowdoctor/tickets";
import { and, asc, eq, gt, inArray, max, or, type SQL } from "drizzle-orm";
import { type EventRow, type GroupRow, inboxEvents, inboxGroups } from "../db/inbox-schema.js";
import type { GroupEventKind } from "../group-state.js";

/** An event with its group as stored now (absent only if the group was deleted since). */
export interface LiveEvent extends EventRow {
  readonly group: GroupRow | undefined;
}

/** The highest event id stored so far (0 when there is none): where a fresh feed starts. */
export const latestEventId = async (db: TicketDb): Promise<number> => {
  const [row] = await db.select({ id: max(inboxEvents.id) }).from(inboxEvents);
  return Number(row?.id ?? 0);
};

/** Events matching `where` with their groups, oldest first, at most `limit`: one query. */
const readEventsWithGroups = async (
  db: TicketDb,
  where: SQL | undefined,
  limit: number,
): Promise<LiveEvent[]> => {
  const rows = await db
    .select({ event: inboxEvents, group: inboxGroups })
    .from(inboxEvents)
    .leftJoin(
      inboxGroups,
      and(
        eq(inboxGroups.workspaceId, inboxEvents.workspaceId),
        eq(inboxGroups.fingerprint, inboxEvents.fingerprint),
      ),
    )
    .where(where)
    .orderBy(asc(inboxEvents.id))
    .limit(limit);
  return rows.map(({ event, group }) => ({ ...event, group: group ?? undefined }));
};

/** One workspace's stored events after `afterId` (of `kinds`, all when empty), oldest first, at most `limit`. */
export const readStoredEvents = (
  db: TicketDb,
  workspaceId: string,
  afterId: number,
  kinds: readonly GroupEventKind[],
  limit: number,
): Promise<LiveEvent[]> =>
  readEventsWithGroups(
    db,
    and(
      eq(inboxEvents.workspaceId, workspaceId),
      gt(inboxEvents.id, afterId),
      kinds.length === 0 ? undefined : inArray(inboxEvents.kind, [...kinds]),
    ),
    limit,
  );

/**
 * Events of every workspace with an id above `afterId` or among `alsoIds` (ids skipped earlier, whose transactions may
 * have committed since), oldest first, each with its group: one query, at most `limit` rows.
 */
export const readLiveEvents = (
  db: TicketDb,
  afterId: number,
  alsoIds: readonly number[],
  limit: number,
): Promise<LiveEvent[]> =>
  readEventsWithGroups(
    db,
    alsoIds.length === 0
      ? gt(inboxEvents.id, afterId)
      : or(gt(inboxEvents.id, afterId), inArray(inboxEvents.id, [...alsoIds])),
    limit,
  );
