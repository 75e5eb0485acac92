import { collectionDocument, includes, relationOne, singleDocument } from "../http/json-api.js";
import { paginate } from "../http/paging.js";
import type { Route } from "../http/router.js";
import type { ScenarioWorkspace } from "../scenario/scenario.js";
import { requireWorkspace, visibleWorkspaces } from "../server/access.js";
import { serializeMember } from "./contracts.js";

/** The `workspace` resource; `type` is always present (the platform's GET examples omit it, its other answers have it). */
export const serializeWorkspace = (workspace: ScenarioWorkspace): Record<string, unknown> => ({
  id: workspace.id,
  type: "workspace",
  links: { self: `/v2/workspaces/${workspace.id}` },
  attributes: {
    name: workspace.name,
    type: workspace.type,
    flow_stats_enabled_default: workspace.flowStatsEnabledDefault,
  },
  relationships: {
    contract: relationOne("contract", workspace.contractId, `/v2/contracts/${workspace.contractId}`),
    members: {
      data: workspace.members.map((member) => ({ id: member.userId, type: "member" })),
      links: { self: `/v2/workspaces/${workspace.id}/members` },
    },
  },
});

/** Workspaces and their members. */
export const workspaceRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: "/workspaces",
    handler: ({ state, user, query }) => {
      const contractId = query.get("contract_id")?.trim();
      const workspaces = visibleWorkspaces(state, user).filter(
        (workspace) => !contractId || workspace.contractId === contractId,
      );
      const page = paginate(workspaces, query, 20);
      return {
        status: 200,
        body: collectionDocument(page.items.map(serializeWorkspace), "/v2/workspaces", { meta: page.meta }),
      };
    },
  },
  {
    method: "GET",
    pattern: "/workspaces/:workspaceId",
    handler: ({ state, user, params, query }) => {
      const workspace = requireWorkspace(state, user, params.workspaceId ?? "");
      const included = includes(query.get("include"), "members")
        ? workspace.members.map((member) => serializeMember(state, member, "member"))
        : undefined;
      return {
        status: 200,
        body: singleDocument(serializeWorkspace(workspace), `/v2/workspaces/${workspace.id}`, included),
      };
    },
  },
  {
    method: "GET",
    pattern: "/workspaces/:workspaceId/members",
    handler: ({ state, user, params }) => {
      const workspace = requireWorkspace(state, user, params.workspaceId ?? "");
      const data = workspace.members.map((member) => serializeMember(state, member, "member"));
      return { status: 200, body: collectionDocument(data, `/v2/workspaces/${workspace.id}/members`) };
    },
  },
];
