import { type Classification, LOG_LEVELS } from "@flowdoctor/core";
import type { LogsQuery, PlatformClient } from "@flowdoctor/platform-client";
import type { LogEntryData } from "../log/log-entry.type.js";
import { toLogEntry } from "../log/to-log-entry.js";
import { classifyEntry, type ErrorFacts } from "./classify-entry.js";

/** The most entries one `GET /v2/logs` call returns (the platform's UI maximum). */
export const LOG_CHUNK = 1000;

/** An error- or fatal-level entry found by a scan, at its position in the platform's list. */
export interface ScannedError {
  readonly entry: LogEntryData;
  readonly position: number;
  readonly classification: Classification;
}

/** Decides whether a classified error belongs to the requested list. */
export type ErrorMatcher = (error: Omit<ScannedError, "position">) => boolean;

/** Options of {@link scanErrors}. */
export interface ScanErrorsOptions {
  readonly client: PlatformClient;
  readonly query: LogsQuery;
  readonly facts: ErrorFacts;
  /** Keep only the errors it accepts; all when absent. */
  readonly matches?: ErrorMatcher;
  /** The platform offset to start at. */
  readonly startOffset: number;
  /** Stop once this many matches are found. */
  readonly want: number;
  /** Read at most this many entries from the platform. */
  readonly maxScan: number;
}

/** What a scan found and how far it read. */
export interface ErrorScan {
  readonly items: ScannedError[];
  /** Entries read from the platform. */
  readonly scanned: number;
  /** The position of the last entry read, -1 when none was. */
  readonly lastPosition: number;
  /** True when the platform has no entries after the last one read. */
  readonly exhausted: boolean;
  /** True when the scan stopped at `maxScan` before finding `want` matches or the end. */
  readonly limitReached: boolean;
  /** The platform's count of error and fatal entries matching the query (at most 10,000). */
  readonly total: number;
}

/**
 * Reads error and fatal entries from the platform in large chunks, classifying each and keeping those the
 * matcher accepts, until it has `want` matches, reaches the end, or has read `maxScan` entries. Classifying before
 * paging keeps cursors stable: a cursor is a platform position, so no match is skipped or repeated.
 */
export const scanErrors = async (options: ScanErrorsOptions): Promise<ErrorScan> => {
  const items: ScannedError[] = [];
  const levels = [LOG_LEVELS.error, LOG_LEVELS.fatal];
  let offset = options.startOffset;
  let scanned = 0;
  let total = 0;
  let exhausted = false;
  while (items.length < options.want && scanned < options.maxScan) {
    // Without a gateway-side filter every entry matches: ask for just what the page needs.
    const wanted = options.matches ? LOG_CHUNK : options.want - items.length;
    const limit = Math.min(LOG_CHUNK, wanted, options.maxScan - scanned);
    const page = await options.client.listLogs({ ...options.query, levels, offset, limit });
    total = page.total;
    page.entries.forEach((raw, index) => {
      if (items.length >= options.want) return;
      const entry = toLogEntry(raw);
      const classification = classifyEntry(entry, options.facts);
      if (!options.matches || options.matches({ entry, classification })) {
        items.push({ entry, position: offset + index, classification });
      }
    });
    scanned += page.entries.length;
    offset += page.entries.length;
    if (!page.hasMore) {
      exhausted = true;
      break;
    }
  }
  const lastPosition = items.length >= options.want ? (items.at(-1)?.position ?? offset - 1) : offset - 1;
  return {
    items,
    scanned,
    lastPosition,
    exhausted,
    limitReached: !exhausted && items.length < options.want,
    total,
  };
};
