import { PLATFORM_LIMITS } from "@flowdoctor/core";
import { badRequest } from "../http/api-error.js";
import { integerParam, listParam, type Query, requiredParam, timeParam } from "../http/query.js";
import { jsonArray, RawJson } from "../http/raw-json.js";
import type { ApiResponse, RequestContext, Route } from "../http/router.js";
import type { ScenarioLogEntry } from "../scenario/scenario.js";
import { requirePermission, requireWorkspace } from "../server/access.js";
import type { IndexedLog } from "../server/emulator-state.js";

const LEVELS = new Set([1, 10, 20, 30, 40, 50, 60]);
/** The largest `limit` the emulator accepts (the UI offers at most 1000 per page). */
export const MAX_LOGS_LIMIT = 1_000;

type LogFilter = (log: IndexedLog) => boolean;

const levelsOf = (query: Query): Set<number> | undefined => {
  const raw = listParam(query, "levels");
  if (raw.length === 0) return undefined;
  const levels = raw.map(Number);
  if (levels.some((level) => !LEVELS.has(level))) {
    throw badRequest("Parameter levels[] must hold only 1, 10, 20, 30, 40, 50 or 60", "levels[]");
  }
  // 1 ("None") is the default level: asking for it alone means every level.
  return levels.every((level) => level === 1) ? undefined : new Set(levels);
};

/** Search terms: whitespace-separated, each must occur in the message (case-insensitive). */
const termsOf = (query: Query): string[] =>
  (query.get("search") ?? "")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term !== "");

const filtersOf = (query: Query, terms: readonly string[]): LogFilter[] => {
  const filters: LogFilter[] = [];
  const flowIds = new Set(listParam(query, "flow_ids"));
  if (flowIds.size > 0) filters.push((log) => flowIds.has(log.entry.flow_id));
  const from = timeParam(query, "from");
  if (from !== undefined) filters.push((log) => log.ms >= from);
  const to = timeParam(query, "to");
  if (to !== undefined) filters.push((log) => log.ms <= to);
  if (from !== undefined && to !== undefined && from > to)
    throw badRequest("Parameter from must not be after to", "from");
  const levels = levelsOf(query);
  if (levels) filters.push((log) => levels.has(log.entry.level));
  const containerId = query.get("container_id")?.trim();
  if (containerId) filters.push((log) => log.entry.container_id === containerId);
  if (terms.length > 0) filters.push((log) => terms.every((term) => log.lowerMessage.includes(term)));
  return filters;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The hits as JSON text; with search terms, every occurrence is wrapped in `<em>` as the platform marks matches. */
const hitsJson = (page: readonly IndexedLog[], terms: readonly string[]): string[] => {
  if (terms.length === 0) return page.map((log) => log.json);
  const pattern = new RegExp(terms.map(escapeRegExp).join("|"), "gi");
  const mark = (entry: ScenarioLogEntry): ScenarioLogEntry => ({
    ...entry,
    message: entry.message.replace(pattern, (match) => `<em>${match}</em>`),
  });
  return page.map((log) => JSON.stringify(mark(log.entry)));
};

/** `GET /v2/logs`: plain JSON `{ total, hits }`, newest first; `total` capped at 10,000 like the platform's. */
const listLogs = ({ state, user, query }: RequestContext): ApiResponse => {
  const workspace = requireWorkspace(state, user, requiredParam(query, "workspace_id"));
  requirePermission(workspace, user, "workspaces.logs.read_all");
  const offset = integerParam(query, "offset", { fallback: 0, min: 0, max: PLATFORM_LIMITS.logsTotalCap });
  const limit = integerParam(query, "limit", { fallback: 100, min: 1, max: MAX_LOGS_LIMIT });
  const terms = termsOf(query);
  const filters = filtersOf(query, terms);
  const all = state.logsByWorkspace.get(workspace.id) ?? [];
  const matching = filters.length === 0 ? all : all.filter((log) => filters.every((filter) => filter(log)));
  const page = matching.slice(offset, offset + limit);
  const hits = hitsJson(page, terms);
  const total = Math.min(matching.length, PLATFORM_LIMITS.logsTotalCap);
  return { status: 200, body: new RawJson(`{"total":${total},"hits":${jsonArray(hits)}}`) };
};

/** The logs feed. */
export const logRoutes: readonly Route[] = [{ method: "GET", pattern: "/logs", handler: listLogs }];
