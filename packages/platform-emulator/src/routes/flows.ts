import { ApiError, notFound } from "../http/api-error.js";
import { collectionDocument, relationOne, singleDocument } from "../http/json-api.js";
import { paginate } from "../http/paging.js";
import { RawJson } from "../http/raw-json.js";
import type { ApiResponse, RequestContext, Route } from "../http/router.js";
import type { ScenarioFlow, ScenarioFlowVersion } from "../scenario/scenario.js";
import { requireFlow, requirePermission } from "../server/access.js";
import type { EmulatorState, FlowState } from "../server/emulator-state.js";
import { listFlows } from "./list-flows.js";
import { flowJson, serializeFlow } from "./serialize-flow.js";

/** The banner text the platform shows for a suspended contract (`docs/elasticio-platform.md` §1.6). */
export const CONTRACT_SUSPENDED_TEXT =
  "This contract has been suspended. Please, contact the support team for more information.";

const flowState = (state: EmulatorState, flow: ScenarioFlow): FlowState =>
  state.flowStates.get(flow.id) as FlowState;

/** The flow, its workspace checked for `toggleStatus`, and its contract checked for suspension. */
const toggleableFlow = (context: RequestContext): { flow: ScenarioFlow; current: FlowState } => {
  const { state, user, params } = context;
  const flow = requireFlow(state, user, params.flowId ?? "");
  const workspace = state.workspaces.get(flow.workspaceId);
  if (workspace) requirePermission(workspace, user, "workspaces.flow.toggleStatus");
  const contract = workspace ? state.contracts.get(workspace.contractId) : undefined;
  if (contract && contract.status !== "active") throw new ApiError(403, CONTRACT_SUSPENDED_TEXT);
  return { flow, current: flowState(state, flow) };
};

/**
 * `POST /v2/flows/{id}/start`: 202 with the flow (`status` active, `current_status` not yet), 409 when already active.
 * A suspended flow resumes without a new `last_start_time`; the observed state follows once the answer is sent.
 */
const startFlow = (context: RequestContext): ApiResponse => {
  const { flow, current } = toggleableFlow(context);
  if (current.status === "active" && current.currentStatus === "active") {
    throw new ApiError(409, "Flow is already active", { parameter: flow.id });
  }
  if (current.status !== "suspended") current.lastStartTime = new Date(context.now()).toISOString();
  current.status = "active";
  const body = singleDocument(serializeFlow(flow, current), `/v2/flows/${flow.id}`);
  return {
    status: 202,
    body,
    after: () => {
      current.currentStatus = "active";
    },
  };
};

/** `POST /v2/flows/{id}/stop`: 202 with an empty document; the flow becomes inactive. */
const stopFlow = (context: RequestContext): ApiResponse => {
  const { current } = toggleableFlow(context);
  current.status = "inactive";
  return {
    status: 202,
    body: { data: {}, meta: {} },
    after: () => {
      current.currentStatus = "inactive";
    },
  };
};

const serializeVersion = (flow: ScenarioFlow, version: ScenarioFlowVersion): Record<string, unknown> => ({
  id: version.id,
  type: "flow-version",
  links: { self: `/v2/flows/${flow.id}/versions/${version.id}` },
  attributes: {
    name: version.name,
    description: flow.description,
    graph: version.graph,
    created_at: version.createdAt,
  },
  relationships: {
    user: relationOne("user", flow.userId, `/v2/users/${flow.userId}`),
    flow: relationOne("flow", flow.id, `/v2/flows/${flow.id}`),
  },
});

/** Flows, their start and stop, and their versions. */
export const flowRoutes: readonly Route[] = [
  { method: "GET", pattern: "/flows", handler: listFlows },
  {
    method: "GET",
    pattern: "/flows/:flowId",
    handler: ({ state, user, params }) => {
      const flow = requireFlow(state, user, params.flowId ?? "");
      const self = JSON.stringify(`/v2/flows/${flow.id}`);
      return {
        status: 200,
        body: new RawJson(`{"data":${flowJson(state, flow)},"meta":{},"links":{"self":${self}}}`),
      };
    },
  },
  { method: "POST", pattern: "/flows/:flowId/start", handler: startFlow },
  { method: "POST", pattern: "/flows/:flowId/stop", handler: stopFlow },
  {
    method: "GET",
    pattern: "/flows/:flowId/versions",
    handler: ({ state, user, params, query }) => {
      const flow = requireFlow(state, user, params.flowId ?? "");
      const page = paginate(flow.versions, query, 50);
      const data = page.items.map((version) => serializeVersion(flow, version));
      return {
        status: 200,
        body: collectionDocument(data, `/v2/flows/${flow.id}/versions`, { meta: page.meta }),
      };
    },
  },
  {
    method: "GET",
    pattern: "/flows/:flowId/versions/:versionId",
    handler: ({ state, user, params }) => {
      const flow = requireFlow(state, user, params.flowId ?? "");
      const id = params.versionId ?? "";
      const version = flow.versions.find((candidate) => candidate.id === id);
      if (!version) throw notFound("Flow version", id);
      return {
        status: 200,
        body: singleDocument(serializeVersion(flow, version), `/v2/flows/${flow.id}/versions/${id}`),
      };
    },
  },
];
