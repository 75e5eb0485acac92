import { badRequest } from "../http/api-error.js";
import { paginate } from "../http/paging.js";
import { enumParam, type Query, requiredParam } from "../http/query.js";
import { jsonArray, RawJson } from "../http/raw-json.js";
import type { ApiResponse, RequestContext } from "../http/router.js";
import type { ScenarioFlow } from "../scenario/scenario.js";
import { requireWorkspace } from "../server/access.js";
import type { EmulatorState, FlowState } from "../server/emulator-state.js";
import { flowJson } from "./serialize-flow.js";

const SORT_FIELDS = ["created_at", "updated_at", "name"] as const;

interface Listed {
  readonly flow: ScenarioFlow;
  readonly state: FlowState;
}

type Filter = (item: Listed) => boolean;

const booleanFilter = (query: Query, name: string): boolean | undefined => {
  const value = enumParam(query, name, ["true", "false"] as const);
  return value === undefined ? undefined : value === "true";
};

/** The documented filters and search, each a predicate; absent ones match everything. */
const filtersOf = (query: Query): Filter[] => {
  const filters: Filter[] = [];
  const hasDraft = booleanFilter(query, "filter[has_draft]");
  if (hasDraft !== undefined) filters.push(({ flow }) => flow.hasDraft === hasDraft);
  // The API documents active/inactive; flows can also be suspended since 26.10, so that value is accepted too.
  const status = enumParam(query, "filter[status]", ["active", "inactive", "suspended"] as const);
  if (status !== undefined) filters.push(({ state }) => state.status === status);
  const type = enumParam(query, "filter[type]", ["ordinary", "long_running"] as const);
  if (type !== undefined) filters.push(({ flow }) => flow.type === type);
  const author = query.get("filter[user]")?.trim();
  if (author) filters.push(({ flow }) => flow.userId === author);
  const search = query.get("search")?.trim().toLowerCase();
  if (search) {
    filters.push(
      ({ flow }) =>
        flow.name.toLowerCase().includes(search) || (flow.description ?? "").toLowerCase().includes(search),
    );
  }
  return filters;
};

const sortValue = (item: Listed, field: (typeof SORT_FIELDS)[number]): string => {
  switch (field) {
    case "name":
      return item.flow.name.toLowerCase();
    case "created_at":
      return item.flow.createdAt;
    case "updated_at":
      return item.state.updatedAt;
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
};

/** `sort=name|created_at|updated_at`, `-` for descending; default by id. */
const sortItems = (items: Listed[], query: Query): Listed[] => {
  const raw = query.get("sort")?.trim();
  if (!raw) return items;
  const descending = raw.startsWith("-");
  const field = descending ? raw.slice(1) : raw;
  if (!(SORT_FIELDS as readonly string[]).includes(field)) {
    throw badRequest(
      `Parameter sort must be one of: ${SORT_FIELDS.join(", ")} (prefix - for descending)`,
      "sort",
    );
  }
  const key = field as (typeof SORT_FIELDS)[number];
  const direction = descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === right) return a.flow.id < b.flow.id ? -1 : 1;
    return left < right ? -direction : direction;
  });
};

const listed = (state: EmulatorState, workspaceId: string): Listed[] =>
  (state.flowsByWorkspace.get(workspaceId) ?? []).map((flow) => ({
    flow,
    state: state.flowStates.get(flow.id) as FlowState,
  }));

/** `GET /v2/flows?workspace_id=…` with filters, search, sort and paging. */
export const listFlows = ({ state, user, query }: RequestContext): ApiResponse => {
  const workspace = requireWorkspace(state, user, requiredParam(query, "workspace_id"));
  const filters = filtersOf(query);
  const matching = listed(state, workspace.id).filter((item) => filters.every((filter) => filter(item)));
  const page = paginate(sortItems(matching, query), query, 50);
  const data = jsonArray(page.items.map((item) => flowJson(state, item.flow)));
  return {
    status: 200,
    body: new RawJson(`{"data":${data},"meta":${JSON.stringify(page.meta)},"links":{"self":"/v2/flows"}}`),
  };
};
