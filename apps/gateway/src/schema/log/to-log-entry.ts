import { LOG_LEVELS, type LogEntry, logLevelName, redactSecrets } from "@flowdoctor/core";
import type { LogsQuery } from "@flowdoctor/platform-client";
import type { LogEntryData } from "./log-entry.type.js";
import type { LogFilter } from "./log-filter.input.js";

/** A platform message as served: secrets redacted, `<em>` search highlights removed. */
export const cleanMessage = (message: string): string => redactSecrets(message.replace(/<\/?em>/g, ""));

/** A platform log entry as served. */
export const toLogEntry = (entry: LogEntry): LogEntryData =>
  Object.assign({}, entry, { levelName: logLevelName(entry.level), message: cleanMessage(entry.message) });

/** The platform query for a filter. */
export const toLogsQuery = (workspaceId: string, filter: LogFilter | null | undefined): LogsQuery => ({
  workspaceId,
  ...(filter?.flowIds?.length ? { flowIds: filter.flowIds } : {}),
  ...(filter?.levels?.length ? { levels: filter.levels.map((name) => LOG_LEVELS[name]) } : {}),
  ...(filter?.from ? { from: new Date(filter.from).toISOString() } : {}),
  ...(filter?.to ? { to: new Date(filter.to).toISOString() } : {}),
  ...(filter?.search ? { search: filter.search } : {}),
});
