import type { TicketDb } from "@flowdoctor/tickets";
import { asc, eq } from "drizzle-orm";
import { inboxWatches, type WatchRow } from "../db/inbox-schema.js";
import { sealCredentials, type WatchCredentials } from "./sealed-credentials.js";

/** A workspace to watch and the platform user to read it as. */
export interface WatchConfig extends WatchCredentials {
  readonly workspaceId: string;
}

/**
 * Stores (or replaces the credentials of) a watched workspace, its credentials sealed with `key`; how far the watcher
 * has read is kept.
 */
export const registerWatch = async (
  db: TicketDb,
  key: Buffer,
  watch: WatchConfig,
  now: Date,
): Promise<void> => {
  const credentials = sealCredentials(key, { email: watch.email, apiKey: watch.apiKey }, watch.workspaceId);
  await db
    .insert(inboxWatches)
    .values({ workspaceId: watch.workspaceId, credentials, updatedAt: now })
    .onConflictDoUpdate({ target: inboxWatches.workspaceId, set: { credentials, updatedAt: now } });
};

/** Stops watching a workspace (its groups and counts stay). */
export const removeWatch = async (db: TicketDb, workspaceId: string): Promise<void> => {
  await db.delete(inboxWatches).where(eq(inboxWatches.workspaceId, workspaceId));
};

/** The watched workspaces' ids, in order; never their credentials. */
export const listWatchedWorkspaces = async (db: TicketDb): Promise<string[]> =>
  (
    await db
      .select({ id: inboxWatches.workspaceId })
      .from(inboxWatches)
      .orderBy(asc(inboxWatches.workspaceId))
  ).map((row) => row.id);

/** Every watch with its sealed credentials and cursor (the watcher's own reading). */
export const loadWatches = (db: TicketDb): Promise<WatchRow[]> =>
  db.select().from(inboxWatches).orderBy(asc(inboxWatches.workspaceId));
