import { notFound } from "../http/api-error.js";
import { collectionDocument, relationOne, singleDocument } from "../http/json-api.js";
import { listParam, requiredParam } from "../http/query.js";
import type { Route } from "../http/router.js";
import type { ScenarioDataSampleFile } from "../scenario/scenario-file.js";
import { visibleWorkspaces } from "../server/access.js";

const serializeSample = (sample: ScenarioDataSampleFile): Record<string, unknown> => ({
  id: sample.id,
  type: "data-sample",
  links: { self: `/v2/data-samples/${sample.id}` },
  attributes: { method: sample.method, result: sample.result },
  relationships: {
    component: relationOne("component", sample.componentId, `/v2/components/${sample.componentId}`),
    component_version: { data: { id: sample.componentVersion ?? "latest", type: "version" } },
    workspace: relationOne("workspace", sample.workspaceId, `/v2/workspaces/${sample.workspaceId}`),
    ...(sample.userId === undefined
      ? {}
      : { user: relationOne("user", sample.userId, `/v2/users/${sample.userId}`) }),
  },
});

/** Data samples by id. */
export const dataSampleRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: "/data-samples",
    handler: ({ state, user, query }) => {
      requiredParam(query, "filter[id]");
      const visible = new Set(visibleWorkspaces(state, user).map((workspace) => workspace.id));
      const samples = listParam(query, "filter[id]")
        .map((id) => state.dataSamples.get(id))
        .filter(
          (sample): sample is ScenarioDataSampleFile =>
            sample !== undefined && visible.has(sample.workspaceId),
        );
      return { status: 200, body: collectionDocument(samples.map(serializeSample), "/v2/data-samples") };
    },
  },
  {
    method: "GET",
    pattern: "/data-samples/:sampleId",
    handler: ({ state, user, params }) => {
      const id = params.sampleId ?? "";
      const sample = state.dataSamples.get(id);
      const visible = sample && visibleWorkspaces(state, user).some((w) => w.id === sample.workspaceId);
      if (!sample || !visible) throw notFound("Data sample", id);
      return { status: 200, body: singleDocument(serializeSample(sample), `/v2/data-samples/${id}`) };
    },
  },
];
