import { assessFlowHealth, type Flow, type FlowHealth, LOG_LEVELS, type LogEntry } from "@flowdoctor/core";
import type { GatewayContext } from "../../context.js";

const DAY_MS = 86_400_000;
/** The platform keeps logs for 14 days (`elasticio-platform.md` §1.14). */
const HISTORY_DAYS = 14;
const LOG_CHUNK = 1000;
/** Most entries one `flowHealth` reads; past it the baseline is the most recent days read. */
export const MAX_HEALTH_ENTRIES = 100_000;
/** The platform counts (and pages) at most 10,000 entries per query, so each day is its own query. */
const MAX_DAY_ENTRIES = 10_000;
const MAX_FLOWS = 200;

/** Every flow's activity against its own baseline, and how much history it stands on. */
export interface FlowHealthReport {
  readonly from: string;
  readonly to: string;
  readonly flows: readonly FlowHealth[];
  readonly entriesRead: number;
  /** True when the history was cut short (entry budget, or a day past the platform's 10,000). */
  readonly truncated: boolean;
}

interface History {
  readonly entries: LogEntry[];
  readonly startMs: number;
  readonly truncated: boolean;
}

// Day by day from now backwards, info level and above: message counts need the info lines, not debug chatter.
const readHistory = async (context: GatewayContext, workspaceId: string, nowMs: number): Promise<History> => {
  const { client } = await context.session();
  const entries: LogEntry[] = [];
  let truncated = false;
  let startMs = nowMs - HISTORY_DAYS * DAY_MS;
  for (let day = 0; day < HISTORY_DAYS; day += 1) {
    const to = nowMs - day * DAY_MS;
    const from = to - DAY_MS;
    const before = entries.length;
    for (let offset = 0; entries.length - before < MAX_DAY_ENTRIES; ) {
      const page = await client.listLogs({
        workspaceId,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        levels: [LOG_LEVELS.info, LOG_LEVELS.warn, LOG_LEVELS.error, LOG_LEVELS.fatal],
        offset,
        limit: LOG_CHUNK,
      });
      entries.push(...page.entries);
      if (!page.hasMore) break;
      offset += page.entries.length;
    }
    if (entries.length - before >= MAX_DAY_ENTRIES || entries.length >= MAX_HEALTH_ENTRIES) {
      // This day was not read whole: the baseline starts at the next day.
      truncated = true;
      startMs = to;
      break;
    }
  }
  return { entries, startMs, truncated };
};

const byFlow = (entries: readonly LogEntry[]): Map<string, LogEntry[]> => {
  const grouped = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const list = grouped.get(entry.flowId);
    if (list) list.push(entry);
    else grouped.set(entry.flowId, [entry]);
  }
  return grouped;
};

const ORDER = {
  STUCK_CONSUMER: 0,
  MISSED_RUN: 1,
  INTAKE_STOPPED: 2,
  WENT_QUIET: 3,
  VOLUME_DROPPED: 4,
  OK: 5,
  TOO_LITTLE_HISTORY: 6,
  NOT_RUNNING: 7,
};

/**
 * `flowHealth`: the workspace's flows (up to 200), 14 days of their info-and-above logs read day by day, and the queue
 * stats of each active flow (one request per active flow); no state beyond what the platform keeps.
 */
export const readFlowHealth = async (
  context: GatewayContext,
  workspaceId: string,
  now: string,
): Promise<FlowHealthReport> => {
  const session = await context.session();
  const nowMs = Date.parse(now);
  const [flowMap, history] = await Promise.all([
    session.loaders.workspaceFlows.load(workspaceId),
    readHistory(context, workspaceId, nowMs),
  ]);
  const flows: Flow[] = [...flowMap.values()].slice(0, MAX_FLOWS);
  const logs = byFlow(history.entries);
  const historyStart = new Date(history.startMs).toISOString();
  const assessed = await Promise.all(
    flows.map(async (flow) => {
      const queues =
        flow.status === "active"
          ? await session.loaders.queueStats.load(flow.id).catch(() => undefined)
          : undefined;
      return assessFlowHealth({
        flow,
        logs: logs.get(flow.id) ?? [],
        historyStart,
        now,
        ...(queues ? { queues } : {}),
      });
    }),
  );
  assessed.sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.confidence - a.confidence);
  return {
    from: historyStart,
    to: now,
    flows: assessed,
    entriesRead: history.entries.length,
    truncated: history.truncated || flowMap.size > MAX_FLOWS,
  };
};
