import { ApiError, badRequest } from "../http/api-error.js";
import { collectionDocument } from "../http/json-api.js";
import type { ApiResponse, RequestContext, Route } from "../http/router.js";
import type { ScenarioFlow, ScenarioWorkspace } from "../scenario/scenario.js";
import { hasContractRole, requireContract, requireFlow } from "../server/access.js";
import type { EmulatorState, FlowState } from "../server/emulator-state.js";

/** `GET /v2/stats/queues/{flow}`: queue depth per step, JSON:API-ish without `meta`. */
const queueStats = ({ state, user, params }: RequestContext): ApiResponse => {
  const flow = requireFlow(state, user, params.flowId ?? "");
  const stats = flow.queueStats.map((step) => ({
    step_id: step.stepId,
    total: step.total,
    ready: step.ready,
    unacked: step.unacked,
    rebounds: step.rebounds,
  }));
  return { status: 200, body: { data: { id: flow.id, type: "flow-queue-stats", attributes: { stats } } } };
};

const componentsOf = (state: EmulatorState, flow: ScenarioFlow): Record<string, unknown>[] =>
  flow.graph.nodes.map((node) => {
    const componentId = String(node.component_id ?? "");
    const command = String(node.command ?? "");
    const version = command.includes("@") ? command.slice(command.lastIndexOf("@") + 1) : "latest";
    return { name: state.components.get(componentId)?.name ?? command, component_id: componentId, version };
  });

const workspaceStats = (state: EmulatorState, workspace: ScenarioWorkspace): Record<string, unknown> => ({
  id: workspace.id,
  type: "workspace-stats",
  attributes: {
    name: workspace.name,
    type: workspace.type,
    flows: (state.flowsByWorkspace.get(workspace.id) ?? []).map((flow) => ({
      id: flow.id,
      name: flow.name,
      status: (state.flowStates.get(flow.id) as FlowState).status,
      type: flow.type,
      created_at: flow.createdAt,
      updated_at: (state.flowStates.get(flow.id) as FlowState).updatedAt,
      components: componentsOf(state, flow),
    })),
  },
});

/**
 * `GET /v2/stats/workspaces`: contract owners must name their contract; tenant admins must not and see every workspace;
 * anyone else gets 403.
 */
const listWorkspaceStats = ({ state, user, query }: RequestContext): ApiResponse => {
  const contractId = query.get("contract_id")?.trim();
  let workspaces: ScenarioWorkspace[];
  if (user.tenantAdmin) {
    if (contractId) throw badRequest("Parameter contract_id is not allowed for tenant admins", "contract_id");
    workspaces = [...state.workspaces.values()];
  } else {
    if (!contractId) throw badRequest("Parameter contract_id is required", "contract_id");
    const contract = requireContract(state, user, contractId);
    if (!hasContractRole(contract, user, ["owner"]))
      throw new ApiError(403, "You need a permission to access this resource.");
    workspaces = [...state.workspaces.values()].filter((workspace) => workspace.contractId === contract.id);
  }
  const data = workspaces.map((workspace) => workspaceStats(state, workspace));
  return { status: 200, body: collectionDocument(data, "/v2/stats/workspaces") };
};

/** Queue and workspace stats. */
export const statsRoutes: readonly Route[] = [
  { method: "GET", pattern: "/stats/queues/:flowId", handler: queueStats },
  { method: "GET", pattern: "/stats/workspaces", handler: listWorkspaceStats },
];
