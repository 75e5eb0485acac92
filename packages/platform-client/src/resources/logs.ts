import type { LogEntry } from "@flowdoctor/core";
import { decodeLogHits } from "../decode/log-entry.js";
import { PlatformError } from "../errors.js";
import { type CallOptions, withQuery } from "../http/api-request.js";
import { type Api, call, decode, requireId } from "./api.js";

/** Filters of `GET /v2/logs` (needs `workspaces.logs.read_all`). */
export interface LogsQuery {
  /** The workspace (required by the API). */
  readonly workspaceId: string;
  /** `flow_ids[]`: only these flows. */
  readonly flowIds?: readonly string[];
  /** ISO-8601 start of the period. */
  readonly from?: string;
  /** ISO-8601 end of the period. */
  readonly to?: string;
  /** Full-text search; matches come back wrapped in `<em>` tags. */
  readonly search?: string;
  /** `levels[]`: Bunyan numbers, e.g. `[50, 60]` for error and fatal. */
  readonly levels?: readonly number[];
  /** Only this container's entries. */
  readonly containerId?: string;
}

/** Offset paging of `listLogs`. */
export interface LogsPaging {
  /** Entries to skip; the server's default is 0. */
  readonly offset?: number;
  /** Entries per page; the server's default is 100. */
  readonly limit?: number;
}

/** One page of log entries. */
export interface LogPage {
  readonly entries: readonly LogEntry[];
  /** Matching entries in all; the platform caps it at 10,000. */
  readonly total: number;
  readonly offset: number;
  readonly hasMore: boolean;
}

const checkNumber = (name: string, value: number | undefined, min: number): void => {
  if (value === undefined || (Number.isInteger(value) && value >= min)) return;
  throw new PlatformError(
    "PLATFORM_INVALID_OPTION",
    `listLogs: ${name} must be an integer of at least ${min}`,
  );
};

const logsPath = (query: LogsQuery & LogsPaging): string => {
  checkNumber("offset", query.offset, 0);
  checkNumber("limit", query.limit, 1);
  return withQuery("/v2/logs", {
    workspace_id: requireId("listLogs", "workspaceId", query.workspaceId),
    "flow_ids[]": query.flowIds,
    from: query.from,
    to: query.to,
    search: query.search,
    "levels[]": query.levels?.map(String),
    container_id: query.containerId,
    offset: query.offset,
    limit: query.limit,
  });
};

/** The logs endpoint (§1.14), plain JSON with offset/limit paging. */
export const logsApi = (api: Api) => {
  const listLogs = async (query: LogsQuery & LogsPaging, options?: CallOptions): Promise<LogPage> => {
    const response = await call(api, "GET", logsPath(query), options);
    const { total, entries } = decode(response, decodeLogHits);
    const offset = query.offset ?? 0;
    return { entries, total, offset, hasMore: entries.length > 0 && offset + entries.length < total };
  };
  return {
    /** One page of log entries. */
    listLogs,
    /** All matching log entries (at most the 10,000 the platform counts), page by page. */
    iterateLogs: async function* (
      query: LogsQuery,
      options?: CallOptions,
    ): AsyncGenerator<LogEntry, void, undefined> {
      for (let offset = 0; ; ) {
        const page = await listLogs({ ...query, offset, limit: api.pageSize }, options);
        yield* page.entries;
        if (!page.hasMore) return;
        offset += page.entries.length;
      }
    },
  };
};
