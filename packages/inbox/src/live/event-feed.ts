import type { TicketDb } from "@flowdoctor/tickets";
import type { GroupEventKind } from "../group-state.js";
import { type LiveEvent, latestEventId, readLiveEvents, readStoredEvents } from "./read-live-events.js";

/** Which events a subscriber wants: one workspace's, of some kinds (all kinds when empty or absent). */
export interface LiveEventFilter {
  readonly workspaceId: string;
  readonly kinds?: readonly GroupEventKind[];
}

/** Options of {@link createEventFeed}. */
export interface EventFeedOptions {
  readonly db: TicketDb;
  /** How often the feed reads new events while anyone subscribes, in ms. @default 1000 */
  readonly pollMs?: number;
  /**
   * How long an id skipped in the sequence is looked for again, in ms: a transaction that took its id earlier may
   * commit after a later one (two gateways changing states at once). @default 60000
   */
  readonly gapGraceMs?: number;
  /** Rows per query. @default 500 */
  readonly batchSize?: number;
  /** Told when a read fails (the next poll tries again). */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => number;
}

/** New rows of `inbox_events`, read once per poll for all of a process's subscribers. */
export interface EventFeed {
  /**
   * Adds a listener for events stored from now on; resolves, once the feed knows where "now" is, to the function
   * that removes it. Each event reaches each listener once.
   */
  subscribe(filter: LiveEventFilter, listener: (event: LiveEvent) => void): Promise<() => void>;
  /**
   * The events of `filter` stored after `afterId`, oldest first, at most `limit`: what a subscriber that saw
   * `afterId` last missed (events past the inbox's retention are gone).
   */
  replay(filter: LiveEventFilter, afterId: number, limit: number): Promise<LiveEvent[]>;
  /** Listeners at the moment. */
  subscriberCount(): number;
  /** Reads and delivers new events now (the timer does this every `pollMs`); resolves when done. */
  pollNow(): Promise<void>;
  /** Database queries made so far (for tests and benches: one per poll, whatever the number of listeners). */
  queryCount(): number;
  /** Stops polling and drops every listener. */
  close(): Promise<void>;
}

interface Listener {
  readonly filter: LiveEventFilter;
  readonly listener: (event: LiveEvent) => void;
}

const MAX_PAGES_PER_POLL = 20;
const MAX_GAPS = 1000;
// A jump this large is not a transaction in flight (a sequence cache, mass rollbacks): not worth looking back for.
const MAX_GAP_SPAN = 1000;

const matches = (filter: LiveEventFilter, event: LiveEvent): boolean =>
  filter.workspaceId === event.workspaceId &&
  (filter.kinds === undefined || filter.kinds.length === 0 || filter.kinds.includes(event.kind));

/**
 * Creates the feed of one gateway process: while anyone listens, it reads the events stored since its last read (by
 * any replica's watcher or state change) in one query per poll and hands each to the listeners it matches. Ids
 * skipped in the sequence are looked for again for `gapGraceMs`, so an event whose transaction commits late is
 * still delivered, once.
 */
export const createEventFeed = (options: EventFeedOptions): EventFeed => {
  const pollMs = options.pollMs ?? 1000;
  const gapGraceMs = options.gapGraceMs ?? 60_000;
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? Date.now;
  const listeners = new Set<Listener>();
  const gaps = new Map<number, number>();
  let lastId: number | undefined;
  let queries = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Every read runs in this chain, one at a time, so a subscribe never races a poll.
  let chain: Promise<void> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  const deliver = (event: LiveEvent) => {
    for (const entry of listeners)
      if (matches(entry.filter, event))
        try {
          entry.listener(event);
        } catch (error) {
          options.onError?.(error);
        }
  };

  const noteGaps = (from: number, to: number) => {
    if (to - from > MAX_GAP_SPAN) return;
    for (let id = from + 1; id < to && gaps.size < MAX_GAPS; id += 1) gaps.set(id, now());
  };

  const expireGaps = () => {
    const oldest = now() - gapGraceMs;
    for (const [id, noticed] of gaps) if (noticed < oldest) gaps.delete(id);
  };

  const readPage = async (after: number): Promise<number> => {
    queries += 1;
    const rows = await readLiveEvents(options.db, after, [...gaps.keys()], batchSize);
    for (const row of rows) {
      if (row.id > (lastId ?? 0)) {
        noteGaps(lastId ?? 0, row.id);
        lastId = row.id;
      } else if (!gaps.delete(row.id)) continue;
      deliver(row);
    }
    return rows.length;
  };

  const poll = async () => {
    if (lastId === undefined) {
      queries += 1;
      lastId = await latestEventId(options.db);
      return;
    }
    expireGaps();
    for (let page = 0; page < MAX_PAGES_PER_POLL; page += 1) if ((await readPage(lastId)) < batchSize) return;
  };

  // Nobody listens: forget the position, the next subscriber starts from its own "now".
  const forgetWhenIdle = async () => {
    if (listeners.size > 0) return;
    lastId = undefined;
    gaps.clear();
  };

  const tick = () => {
    serial(() => (listeners.size > 0 ? poll() : forgetWhenIdle()))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        timer = !closed && listeners.size > 0 ? setTimeout(tick, pollMs) : undefined;
      });
  };

  return {
    subscribe: async (filter, listener) => {
      if (closed) throw new Error("the event feed is closed");
      const entry: Listener = { filter, listener };
      // Listening before the position is known, so a poll queued meanwhile never finds nobody and forgets it.
      listeners.add(entry);
      try {
        await serial(async () => {
          if (lastId === undefined) {
            queries += 1;
            lastId = await latestEventId(options.db);
          }
        });
      } catch (error) {
        listeners.delete(entry);
        throw error;
      }
      timer ??= setTimeout(tick, pollMs);
      return () => {
        if (listeners.delete(entry) && listeners.size === 0) void serial(forgetWhenIdle);
      };
    },
    replay: (filter, afterId, limit) => {
      queries += 1;
      return readStoredEvents(options.db, filter.workspaceId, afterId, filter.kinds ?? [], limit);
    },
    subscriberCount: () => listeners.size,
    pollNow: () => serial(poll),
    queryCount: () => queries,
    close: async () => {
      closed = true;
      listeners.clear();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await chain;
    },
  };
};
