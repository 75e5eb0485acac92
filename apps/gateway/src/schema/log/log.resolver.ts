import { toLogFile } from "@flowdoctor/core";
import type { LogsQuery, PlatformClient } from "@flowdoctor/platform-client";
import { Arg, Args, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import type { ConnectionData } from "../common/connection.type.js";
import { LAST_LOG_POSITION } from "../common/cursor.js";
import { PageArgs, readPageArgs } from "../common/page.args.js";
import { toConnection } from "../common/page-window.js";
import { LOG_CHUNK } from "../error/scan-errors.js";
import { LogEntryConnection } from "./log-entry.connection.js";
import type { LogEntryData } from "./log-entry.type.js";
import { LogFileType } from "./log-file.type.js";
import { LogFilter } from "./log-filter.input.js";
import { logMatcherOf } from "./log-matcher.js";
import { readMatchingLogs } from "./read-matching-logs.js";
import { toLogEntry, toLogsQuery } from "./to-log-entry.js";

@Resolver()
export class LogResolver {
  @Query(() => LogEntryConnection, {
    nullable: true,
    description:
      "A workspace's logs, newest first, secrets redacted: one platform call a page. Null with FORBIDDEN or NOT_FOUND when you may not read them.",
  })
  async logs(
    @Arg("workspaceId", () => ID, {
      description: "The workspace whose logs to read (you need its logs permission).",
    })
    workspaceId: string,
    @Arg("filter", () => LogFilter, {
      description: "Narrows the entries by flow, step, execution, level, time or text.",
      nullable: true,
    })
    filter: LogFilter | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<LogEntryData>> {
    const window = readPageArgs(args, context.limits, LAST_LOG_POSITION);
    const { client } = await context.session();
    const query = toLogsQuery(workspaceId, filter);
    const matches = logMatcherOf(filter);
    if (matches) {
      const maxScan = context.limits.maxLogScan;
      return context.scanSlots.run(() => readMatchingLogs({ client, query, matches, window, maxScan }));
    }
    const page = await client.listLogs({ ...query, offset: window.offset, limit: window.first });
    return toConnection(page.entries.map(toLogEntry), window, page.total);
  }

  @Query(() => LogFileType, {
    nullable: true,
    description:
      "Logs as a redacted text file for a support ticket (oldest first). Null with FORBIDDEN or NOT_FOUND when you may not read them.",
  })
  async logFile(
    @Arg("workspaceId", () => ID, { description: "The workspace whose logs to write out." })
    workspaceId: string,
    @Arg("filter", () => LogFilter, {
      description: "Which entries the file holds, as in `logs`.",
      nullable: true,
    })
    filter: LogFilter | null | undefined,
    @Arg("limit", () => Int, {
      defaultValue: 1000,
      description: "Most entries in the file (up to MAX_LOG_SCAN).",
    })
    limit: number,
    @Ctx() context: GatewayContext,
  ): Promise<LogFileType> {
    if (!Number.isInteger(limit) || limit < 1 || limit > context.limits.maxLogScan) {
      throw new GatewayGraphQLError(
        "BAD_USER_INPUT",
        `limit must be an integer from 1 to ${context.limits.maxLogScan} (got ${limit})`,
        {
          details: { argument: "limit", max: context.limits.maxLogScan },
        },
      );
    }
    const { client } = await context.session();
    const read = { client, query: toLogsQuery(workspaceId, filter), matches: logMatcherOf(filter), limit };
    return context.scanSlots.run(() => readLogFile({ ...read, maxScan: context.limits.maxLogScan }));
  }
}

interface LogFileRead {
  readonly client: PlatformClient;
  readonly query: LogsQuery;
  /** The step and execution filters, sifted here; absent when the platform filters everything. */
  readonly matches: ((entry: LogEntryData) => boolean) | undefined;
  readonly limit: number;
  readonly maxScan: number;
}

/** Reads up to `limit` entries for `logFile`; with a gateway-side filter, reading at most `maxScan`. */
const readLogFile = async ({ client, query, matches, limit, maxScan }: LogFileRead): Promise<LogFileType> => {
  const entries: LogEntryData[] = [];
  let total = 0;
  for (let offset = 0; entries.length < limit && offset < maxScan; ) {
    const page = await client.listLogs({
      ...query,
      offset,
      limit: Math.min(LOG_CHUNK, matches ? maxScan - offset : limit - entries.length),
    });
    total = page.total;
    const read = page.entries.map(toLogEntry);
    entries.push(...(matches ? read.filter(matches) : read).slice(0, limit - entries.length));
    offset += page.entries.length;
    if (!page.hasMore) break;
  }
  return {
    text: toLogFile(entries),
    entryCount: entries.length,
    totalCount: total,
    truncated: matches ? entries.length >= limit : total > entries.length,
  };
};
