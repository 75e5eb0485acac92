import type { LogsQuery, PlatformClient } from "@flowdoctor/platform-client";
import type { ConnectionData } from "../common/connection.type.js";
import { encodeCursor } from "../common/cursor.js";
import type { PageWindow } from "../common/page.args.js";
import { LOG_CHUNK } from "../error/scan-errors.js";
import type { LogEntryData } from "./log-entry.type.js";
import { toLogEntry } from "./to-log-entry.js";

interface MatchingLogsOptions {
  readonly client: PlatformClient;
  readonly query: LogsQuery;
  readonly matches: (entry: LogEntryData) => boolean;
  readonly window: PageWindow;
  readonly maxScan: number;
}

/**
 * One page of the entries the gateway's own filters accept: reads the platform's list in large chunks from the
 * window's position, at most `maxScan` entries. Cursors are platform positions, so pages neither skip nor repeat.
 */
export const readMatchingLogs = async (
  options: MatchingLogsOptions,
): Promise<ConnectionData<LogEntryData>> => {
  const { client, query, matches, window, maxScan } = options;
  const found: { position: number; node: LogEntryData }[] = [];
  let offset = window.offset;
  let total = 0;
  let exhausted = false;
  while (found.length <= window.first && offset - window.offset < maxScan) {
    const page = await client.listLogs({
      ...query,
      offset,
      limit: Math.min(LOG_CHUNK, maxScan - (offset - window.offset)),
    });
    total = page.total;
    page.entries.forEach((raw, index) => {
      const node = toLogEntry(raw);
      if (found.length <= window.first && matches(node)) found.push({ position: offset + index, node });
    });
    offset += page.entries.length;
    if (!page.hasMore) {
      exhausted = true;
      break;
    }
  }
  const edges = found
    .slice(0, window.first)
    .map(({ position, node }) => ({ cursor: encodeCursor(position), node }));
  const scanCut = !exhausted && found.length <= window.first;
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    totalCount: total,
    pageInfo: {
      hasNextPage: found.length > window.first || scanCut,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      // When the scan limit cut the page, continue after the last entry read rather than the last match.
      endCursor: scanCut && offset > 0 ? encodeCursor(offset - 1) : (edges.at(-1)?.cursor ?? null),
    },
  };
};
