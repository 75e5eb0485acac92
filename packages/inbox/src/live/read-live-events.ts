import type { TicketDb } from "@flowdoctor/tickets";
import { and, asc, eq, gt, inArray, max, or } from "drizzle-orm";
import { type EventRow, type GroupRow, inboxEvents, inboxGroups } from "../db/inbox-schema.js";

/** An event with its group as stored now (absent only if the group was deleted since). */
export interface LiveEvent extends EventRow {
  readonly group: GroupRow | undefined;
}

/** The highest event id stored so far (0 when there is none): where a fresh feed starts. */
export const latestEventId = async (db: TicketDb): Promise<number> => {
  const [row] = await db.select({ id: max(inboxEvents.id) }).from(inboxEvents);
  return Number(row?.id ?? 0);
};

/**
 * Events of every workspace with an id above `afterId` or among `alsoIds` (ids skipped earlier, whose transactions may
 * have committed since), oldest first, each with its group: one query, at most `limit` rows.
 */
export const readLiveEvents = async (
  db: TicketDb,
  afterId: number,
  alsoIds: readonly number[],
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
    .where(
      alsoIds.length === 0
        ? gt(inboxEvents.id, afterId)
        : or(gt(inboxEvents.id, afterId), inArray(inboxEvents.id, [...alsoIds])),
    )
    .orderBy(asc(inboxEvents.id))
    .limit(limit);
  return rows.map(({ event, group }) => ({ ...event, group: group ?? undefined }));
};
