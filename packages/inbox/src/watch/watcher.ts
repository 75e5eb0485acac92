import type { LogEntry } from "@flowdoctor/core";
import type { TicketDb } from "@flowdoctor/tickets";
import { and, eq } from "drizzle-orm";
import { type AlertOptions, raiseAlerts, releaseDueAlerts } from "../alerts/raise-alerts.js";
import { type EventRow, inboxWatches, type WatchRow } from "../db/inbox-schema.js";
import type { InboxRules } from "../group-state.js";
import { recordCycleDetailed } from "../record-cycle.js";
import { releaseLease, tryLease } from "./leader-lease.js";
import { openCredentials } from "./sealed-credentials.js";
import type { WatchSource, WatchSources } from "./watch-source.js";
import { loadWatches } from "./watches.js";

const LEASE_NAME = "inbox-watcher";
const PAGE_SIZE = 1000;
const MAX_CURSOR_IDS = 5000;

/** Options of {@link createWatcher}. */
export interface WatcherOptions {
  readonly db: TicketDb;
  /** The AES-256 key the watches' credentials are sealed with (`readSecretKey`). */
  readonly key: Buffer;
  readonly sources: WatchSources;
  /** This replica's name in the lease (unique per process). */
  readonly holder: string;
  /** How often a cycle runs, in ms. @default 60000 */
  readonly intervalMs?: number;
  /** How long a leader's lease lasts without renewal, in ms. @default 3 × intervalMs */
  readonly leaseMs?: number;
  /** How late the platform may show an entry after its time, in ms: each cycle reads this far back again. @default 60000 */
  readonly lagMs?: number;
  /** How far back the first cycle of a new watch reads, in ms. @default 24 hours */
  readonly lookbackMs?: number;
  /** The most entries one cycle reads per workspace. @default 10000 */
  readonly maxEntries?: number;
  readonly rules?: InboxRules;
  /**
   * How alerts are written. The workspace's alert rules are applied in the transaction that records each cycle, so
   * every alert is raised once, whichever replica leads.
   */
  readonly alerts?: AlertOptions;
  /** Told the outbox jobs a cycle queued (the gateway wakes its outbox worker). */
  readonly onAlertsQueued?: (jobIds: readonly string[]) => void;
  readonly now?: () => Date;
  /** Told the events each cycle stored (alerts and subscriptions listen here). */
  readonly onEvents?: (events: readonly EventRow[]) => void;
  /** Told when a workspace's cycle fails (it is tried again next cycle); the error names no credentials. */
  readonly onError?: (workspaceId: string, error: unknown) => void;
}

/** What one cycle did. */
export interface CycleReport {
  /** Whether this replica held the lease and so read anything. */
  readonly leader: boolean;
  readonly events: readonly EventRow[];
  /** Entries read per workspace (new ones and those read again within the lag). */
  readonly read: ReadonlyMap<string, number>;
  /** The outbox jobs of the alert messages this cycle queued. */
  readonly alerts: readonly string[];
}

/** The one watcher of a deployment (whoever holds the lease runs cycles). */
export interface Watcher {
  /** Runs one cycle now (when this replica is the leader). */
  runCycle(): Promise<CycleReport>;
  /** Runs cycles every `intervalMs` in the background. */
  start(): void;
  /** Stops, waits for a cycle under way, and gives the lease up. */
  stop(): Promise<void>;
}

const readWindow = async (
  source: WatchSource,
  from: Date,
  to: Date,
  maxEntries: number,
): Promise<LogEntry[]> => {
  const entries: LogEntry[] = [];
  for (let offset = 0; entries.length < maxEntries; offset += PAGE_SIZE) {
    const page = await source.listErrors({
      from,
      to,
      offset,
      limit: Math.min(PAGE_SIZE, maxEntries - entries.length),
    });
    entries.push(...page.entries);
    if (!page.hasMore || page.entries.length === 0) break;
  }
  return entries;
};

/**
 * The new cursor: read through `readTo`, remembering the ids of entries within the lag before it, which the next cycle
 * reads again (to catch entries the platform shows late) and skips.
 */
const nextCursor = (watch: WatchRow, entries: readonly LogEntry[], readTo: Date, lagMs: number) => {
  const cursorAt = new Date(Math.max(watch.cursorAt?.getTime() ?? 0, readTo.getTime()));
  const since = cursorAt.getTime() - lagMs;
  const recent = entries.filter((entry) => Date.parse(entry.timestamp) >= since).map((entry) => entry.id);
  const kept = watch.cursorIds.filter((id) => !recent.includes(id));
  return { cursorAt, cursorIds: [...recent, ...kept].slice(0, MAX_CURSOR_IDS) };
};

const sameCursor = (
  a: Pick<WatchRow, "cursorAt" | "cursorIds">,
  b: Pick<WatchRow, "cursorAt" | "cursorIds">,
) =>
  (a.cursorAt?.getTime() ?? null) === (b.cursorAt?.getTime() ?? null) &&
  JSON.stringify(a.cursorIds) === JSON.stringify(b.cursorIds);

/**
 * Creates the watcher: each cycle, the replica holding the database lease reads every watched workspace's error
 * entries logged since its cursor (once per cycle, however many people subscribe), records them (`recordCycle`) and
 * moves the cursor in the same transaction, only if no one else moved it meanwhile, so each entry counts once even when
 * two replicas briefly both believe they lead.
 */
export const createWatcher = (options: WatcherOptions): Watcher => {
  const intervalMs = options.intervalMs ?? 60_000;
  const leaseMs = options.leaseMs ?? 3 * intervalMs;
  const lagMs = options.lagMs ?? 60_000;
  const lookbackMs = options.lookbackMs ?? 24 * 3_600_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const clock = options.now ?? (() => new Date());

  const watchOnce = async (watch: WatchRow, now: Date) => {
    const credentials = openCredentials(options.key, watch.credentials, watch.workspaceId);
    const source = options.sources.sourceFor(watch.workspaceId, credentials);
    const from =
      watch.cursorAt === null
        ? new Date(now.getTime() - lookbackMs)
        : new Date(watch.cursorAt.getTime() - lagMs);
    const entries = await readWindow(source, from, now, maxEntries);
    const seen = new Set(watch.cursorIds);
    const fresh = entries.filter((entry) => !seen.has(entry.id));
    const flowVersions = fresh.length === 0 ? new Map<string, string>() : await source.flowVersions();
    const cursor = nextCursor(watch, entries, now, lagMs);
    return options.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(inboxWatches)
        .where(eq(inboxWatches.workspaceId, watch.workspaceId))
        .for("update");
      if (current === undefined || !sameCursor(current, watch))
        return { events: [], alerts: [], read: entries.length };
      const recorded = await recordCycleDetailed(
        tx,
        {
          workspaceId: watch.workspaceId,
          occurrences: fresh.map((entry) => ({
            message: entry.message,
            flowId: entry.flowId,
            stepId: entry.stepId,
            timestamp: new Date(entry.timestamp),
            ...(entry.componentName ? { componentName: entry.componentName } : {}),
          })),
          flowVersions,
          now,
        },
        options.rules === undefined ? {} : { rules: options.rules },
      );
      const alerts = await raiseAlerts(
        tx,
        { workspaceId: watch.workspaceId, events: recorded.events, samples: recorded.samples, now },
        options.alerts,
      );
      await tx
        .update(inboxWatches)
        .set({ ...cursor, updatedAt: now })
        .where(and(eq(inboxWatches.workspaceId, watch.workspaceId)));
      return { events: recorded.events, alerts, read: entries.length };
    });
  };

  const releaseOnly = (workspaceId: string, now: Date): Promise<string[]> =>
    options.db
      .transaction((tx) => releaseDueAlerts(tx, workspaceId, now, options.alerts))
      .catch((error: unknown) => {
        options.onError?.(workspaceId, error);
        return [];
      });

  const cycleOnce = async (): Promise<CycleReport> => {
    if (!(await tryLease(options.db, LEASE_NAME, options.holder, leaseMs)))
      return { leader: false, events: [], read: new Map(), alerts: [] };
    const now = clock();
    const events: EventRow[] = [];
    const alerts: string[] = [];
    const read = new Map<string, number>();
    for (const watch of await loadWatches(options.db)) {
      try {
        const result = await watchOnce(watch, now);
        events.push(...result.events);
        alerts.push(...result.alerts);
        read.set(watch.workspaceId, result.read);
      } catch (error) {
        options.onError?.(watch.workspaceId, error);
        // The platform being out of reach must not hold alerts whose digest interval or quiet hours have ended.
        alerts.push(...(await releaseOnly(watch.workspaceId, now)));
      }
    }
    if (events.length > 0) options.onEvents?.(events);
    if (alerts.length > 0) options.onAlertsQueued?.(alerts);
    return { leader: true, events, read, alerts };
  };

  // One cycle at a time in a process: a cycle asked for while another runs (the timer's, say) starts after it.
  let lastCycle: Promise<unknown> = Promise.resolve();
  const runCycle = (): Promise<CycleReport> => {
    const cycle = lastCycle.then(cycleOnce, cycleOnce);
    lastCycle = cycle.catch(() => undefined);
    return cycle;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runCycle()
      .catch((error) => options.onError?.("*", error))
      .finally(() => {
        if (timer !== undefined) timer = setTimeout(tick, intervalMs);
      });
  };
  return {
    runCycle,
    start: () => {
      if (timer !== undefined) return;
      timer = setTimeout(tick, 0);
    },
    stop: async () => {
      const held = timer;
      timer = undefined;
      if (held !== undefined) clearTimeout(held);
      await running;
      await releaseLease(options.db, LEASE_NAME, options.holder);
    },
  };
};
