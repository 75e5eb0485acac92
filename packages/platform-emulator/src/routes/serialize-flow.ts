import { relationOne } from "../http/json-api.js";
import type { ScenarioFlow } from "../scenario/scenario.js";
import type { EmulatorState, FlowState } from "../server/emulator-state.js";

const latestVersionId = (flow: ScenarioFlow): string => flow.versions[flow.versions.length - 1]?.id ?? "";

/** The `flow` resource with its current state; the scenario's expected causes are never part of it. */
export const serializeFlow = (flow: ScenarioFlow, state: FlowState): Record<string, unknown> => {
  const latest = latestVersionId(flow);
  return {
    id: flow.id,
    type: "flow",
    links: { self: `/v2/flows/${flow.id}` },
    attributes: {
      name: flow.name,
      description: flow.description,
      type: flow.type,
      status: state.status,
      current_status: state.currentStatus,
      default_mapper_type: "jsonata",
      cron: flow.cron,
      api_version: "2.0",
      created_at: flow.createdAt,
      updated_at: state.updatedAt,
      last_modified: state.updatedAt,
      ...(state.lastStartTime === undefined ? {} : { last_start_time: state.lastStartTime }),
      ...(flow.dueExecution === undefined ? {} : { due_execution: flow.dueExecution }),
      stats_enabled: flow.statsEnabled,
      graph: flow.graph,
      nodes_config: flow.nodesConfig,
    },
    relationships: {
      user: relationOne("user", flow.userId, `/v2/users/${flow.userId}`),
      workspace: relationOne("workspace", flow.workspaceId, `/v2/workspaces/${flow.workspaceId}`),
      versions: { links: { related: `/v2/flows/${flow.id}/versions` } },
      latest_version: {
        data: { id: latest, type: "flow-version" },
        links: {
          self: `/v2/flows/${flow.id}/versions/${latest}`,
          related: `/v2/flows/${flow.id}/versions/${latest}`,
        },
      },
      ...(flow.hasDraft ? { draft: { data: { id: flow.id, type: "flow-draft" } } } : {}),
    },
  };
};

/** The flow resource as JSON text, cached until its state changes. */
export const flowJson = (state: EmulatorState, flow: ScenarioFlow): string => {
  const current = state.flowStates.get(flow.id) as FlowState;
  const key = `${current.status}|${current.currentStatus}|${current.lastStartTime ?? ""}|${current.updatedAt}`;
  const cached = state.flowJson.get(flow.id);
  if (cached?.key === key) return cached.json;
  const json = JSON.stringify(serializeFlow(flow, current));
  state.flowJson.set(flow.id, { key, json });
  return json;
};
