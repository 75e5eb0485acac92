import type { FlowQueueStats } from "@flowdoctor/core";
import { collectionData, singleData } from "../decode/json-api.js";
import { decodeQueueStats } from "../decode/queue-stats.js";
import { decodeWorkspaceStats, type WorkspaceStats } from "../decode/workspace-stats.js";
import { type CallOptions, segment, withQuery } from "../http/api-request.js";
import { type Api, call, decode, requireId } from "./api.js";

/** The stats endpoints (§1.15). */
export const statsApi = (api: Api) => ({
  /** Queue depth per step of a flow (`GET /v2/stats/queues/{flow}`); only meaningful while the flow runs. */
  getQueueStats: async (flowId: string, options?: CallOptions): Promise<FlowQueueStats> => {
    const response = await call(
      api,
      "GET",
      `/v2/stats/queues/${segment(requireId("getQueueStats", "flowId", flowId))}`,
      options,
    );
    return decode(response, (body) => decodeQueueStats(singleData(body), "data"));
  },
  /**
   * Workspaces with their type, flows and the components they use (`GET /v2/stats/workspaces`). Contract owners
   * must pass `contractId`; tenant admins must not.
   */
  listWorkspaceStats: async (
    query: { readonly contractId?: string } = {},
    options?: CallOptions,
  ): Promise<WorkspaceStats[]> => {
    const response = await call(
      api,
      "GET",
      withQuery("/v2/stats/workspaces", { contract_id: query.contractId }),
      options,
    );
    return decode(response, (body) =>
      collectionData(body).map((item, index) => decodeWorkspaceStats(item, `data[${index}]`)),
    );
  },
});
