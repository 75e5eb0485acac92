import { LOG_LEVELS } from "@flowdoctor/core";
import type { LogsQuery, PlatformClient } from "@flowdoctor/platform-client";
import type { EntryClassifier } from "./classify-entry.js";
import { toFlowError } from "./error-facts.js";
import type { FlowErrorData } from "./flow-error.type.js";

/** The most entries one `GET /v2/logs` call returns (the platform's UI maximum). */
export const LOG_CHUNK = 1000;

/** An error- or fatal-level entry found by a scan, at its position in the platform's list. */
export interface ScannedError {
  readonly error: FlowErrorData;
  readonly position: number;
}

/** Decides whether an error belongs to the requested list. */
export type ErrorMatcher = (error: FlowErrorData) => boolean;

/** How a scan classifies the errors it finds and which it keeps. */
export interface ErrorJudge {
  /** Classifies an error when a matcher or a field asks. */
  readonly classify: EntryClassifier;
  /** Keeps only the errors it accepts; all when absent. */
  readonly matches?: ErrorMatcher;
}

/** Options of {@link scanErrors}. */
export interface ScanErrorsOptions {
  readonly client: PlatformClient;
  readonly query: LogsQuery;
  /** Awaited while the first page is read, so loading what it needs costs no extra round trip. */
  readonly judge: Promise<ErrorJudge>;
  /** Whether the judge filters; without a filter the scan reads only as many entries as it wants. */
  readonly filtered: boolean;
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
 * Reads error and fatal entries from the platform in large chunks, keeping those the matcher accepts, until
 * it has `want` matches, reaches the end, or has read `maxScan` entries. Matching (by cause too) happens before
 * paging, which keeps cursors stable: a cursor is a platform position, so no match is skipped or repeated.
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
    const wanted = options.filtered ? LOG_CHUNK : options.want - items.length;
    const limit = Math.min(LOG_CHUNK, wanted, options.maxScan - scanned);
    const [page, { classify, matches }] = await Promise.all([
      options.client.listLogs({ ...options.query, levels, offset, limit }),
      options.judge,
    ]);
    total = page.total;
    page.entries.forEach((entry, index) => {
      if (items.length >= options.want) return;
      const error = toFlowError(entry, classify);
      if (!matches || matches(error)) items.push({ error, position: offset + index });
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
