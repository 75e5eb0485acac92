import type { Workspace } from "@flowdoctor/core";
import { decodeMember, type Member } from "../decode/member.js";
import { decodeWorkspace } from "../decode/workspace.js";
import { type CallOptions, segment } from "../http/api-request.js";
import { type Api, checkPage, requireId } from "./api.js";
import { getAll, getOne, getPage } from "./collection.js";
import { iteratePages, type Page, type PageQuery } from "./page.js";

/** Filters of `GET /v2/workspaces`. */
export interface WorkspacesQuery {
  /** Only the workspaces of this contract. */
  readonly contractId?: string;
}

/** The workspace endpoints (§1.7). */
export const workspacesApi = (api: Api) => {
  const listWorkspaces = async (
    query: WorkspacesQuery & PageQuery = {},
    options?: CallOptions,
  ): Promise<Page<Workspace>> =>
    getPage(
      api,
      {
        path: "/v2/workspaces",
        query: { contract_id: query.contractId },
        page: checkPage("listWorkspaces", query),
      },
      decodeWorkspace,
      options,
    );
  return {
    /** One workspace (`GET /v2/workspaces/{id}`). */
    getWorkspace: async (workspaceId: string, options?: CallOptions): Promise<Workspace> =>
      getOne(
        api,
        `/v2/workspaces/${segment(requireId("getWorkspace", "workspaceId", workspaceId))}`,
        decodeWorkspace,
        options,
      ),
    /** A workspace's members with their roles (`GET /v2/workspaces/{id}/members/`). */
    listWorkspaceMembers: async (workspaceId: string, options?: CallOptions): Promise<Member[]> =>
      getAll(
        api,
        `/v2/workspaces/${segment(requireId("listWorkspaceMembers", "workspaceId", workspaceId))}/members/`,
        (value, at) => decodeMember(value, at, "member"),
        options,
      ),
    /** One page of the workspaces the user is a member of (server default page size 20). */
    listWorkspaces,
    /** All workspaces the user is a member of. */
    iterateWorkspaces: (
      query: WorkspacesQuery = {},
      options?: CallOptions,
    ): AsyncGenerator<Workspace, void, undefined> =>
      iteratePages((pageNumber) => listWorkspaces({ ...query, pageNumber, pageSize: api.pageSize }, options)),
  };
};
