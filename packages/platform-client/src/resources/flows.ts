import type { Flow, FlowStatus, FlowType, FlowVersion } from "@flowdoctor/core";
import { decodeFlow, decodeFlowVersion } from "../decode/flow.js";
import { singleData } from "../decode/json-api.js";
import { type CallOptions, segment } from "../http/api-request.js";
import { type Api, call, checkPage, decode, requireId } from "./api.js";
import { getOne, getPage } from "./collection.js";
import { iteratePages, type Page, type PageQuery } from "./page.js";

/** Filters and order of `GET /v2/flows`. */
export interface FlowsQuery {
  /** The workspace to list (required by the API). */
  readonly workspaceId: string;
  /** `filter[status]`. */
  readonly status?: FlowStatus;
  /** `filter[type]`. */
  readonly type?: FlowType;
  /** `filter[has_draft]`. */
  readonly hasDraft?: boolean;
  /** `filter[user]`: the creator's id. */
  readonly authorId?: string;
  /** `created_at`, `updated_at` or `name`, with `-` for descending; the server sorts by id by default. */
  readonly sort?: "created_at" | "-created_at" | "updated_at" | "-updated_at" | "name" | "-name";
  /** Case-insensitive search over name and description. */
  readonly search?: string;
}

const flowPath = (method: string, flowId: string): string =>
  `/v2/flows/${segment(requireId(method, "flowId", flowId))}`;

const flowFilters = (query: FlowsQuery) => ({
  workspace_id: requireId("listFlows", "workspaceId", query.workspaceId),
  "filter[status]": query.status,
  "filter[type]": query.type,
  "filter[has_draft]": query.hasDraft,
  "filter[user]": query.authorId,
  sort: query.sort,
  search: query.search,
});

/** The flow endpoints (§1.8), start and stop included. */
export const flowsApi = (api: Api) => {
  const listFlows = async (query: FlowsQuery & PageQuery, options?: CallOptions): Promise<Page<Flow>> =>
    getPage(
      api,
      { path: "/v2/flows", query: flowFilters(query), page: checkPage("listFlows", query) },
      decodeFlow,
      options,
    );
  return {
    /** One flow with its graph (`GET /v2/flows/{id}`). */
    getFlow: async (flowId: string, options?: CallOptions): Promise<Flow> =>
      getOne(api, flowPath("getFlow", flowId), decodeFlow, options),
    /** One page of a workspace's flows (server default page size 50). */
    listFlows,
    /** All flows of a workspace. */
    iterateFlows: (query: FlowsQuery, options?: CallOptions): AsyncGenerator<Flow, void, undefined> =>
      iteratePages((pageNumber) => listFlows({ ...query, pageNumber, pageSize: api.pageSize }, options)),
    /**
     * Starts a flow (`POST /v2/flows/{id}/start`, 202). Returns the flow as the platform answers: `status` is
     * `active`, `currentStatus` may lag. Never retried blindly; `PLATFORM_CONFLICT` when it is already active.
     */
    startFlow: async (flowId: string, options?: CallOptions): Promise<Flow> => {
      const response = await call(api, "POST", `${flowPath("startFlow", flowId)}/start`, options);
      return decode(response, (body) => decodeFlow(singleData(body), "data"));
    },
    /** Stops a flow (`POST /v2/flows/{id}/stop`, 202); the stop itself is asynchronous: poll `getFlow`. */
    stopFlow: async (flowId: string, options?: CallOptions): Promise<void> => {
      await call(api, "POST", `${flowPath("stopFlow", flowId)}/stop`, options);
    },
    ...flowVersionsApi(api),
  };
};

const flowVersionsApi = (api: Api) => {
  const listFlowVersions = async (
    flowId: string,
    query: PageQuery = {},
    options?: CallOptions,
  ): Promise<Page<FlowVersion>> =>
    getPage(
      api,
      {
        path: `${flowPath("listFlowVersions", flowId)}/versions`,
        query: {},
        page: checkPage("listFlowVersions", query),
      },
      (value, at) => decodeFlowVersion(value, at, flowId),
      options,
    );
  return {
    /** One version of a flow (`GET /v2/flows/{id}/versions/{sha}`). */
    getFlowVersion: async (flowId: string, versionId: string, options?: CallOptions): Promise<FlowVersion> =>
      getOne(
        api,
        `${flowPath("getFlowVersion", flowId)}/versions/${segment(requireId("getFlowVersion", "versionId", versionId))}`,
        (value, at) => decodeFlowVersion(value, at, flowId),
        options,
      ),
    /** One page of a flow's versions, oldest first (server default page size 50). */
    listFlowVersions,
    /** All versions of a flow, oldest first. */
    iterateFlowVersions: (
      flowId: string,
      options?: CallOptions,
    ): AsyncGenerator<FlowVersion, void, undefined> =>
      iteratePages((pageNumber) => listFlowVersions(flowId, { pageNumber, pageSize: api.pageSize }, options)),
  };
};
