import { notFound } from "../http/api-error.js";
import { collectionDocument, relationOne, singleDocument } from "../http/json-api.js";
import { requiredParam } from "../http/query.js";
import type { Route } from "../http/router.js";
import type { ScenarioCredentialFile } from "../scenario/scenario-file.js";
import { requireWorkspace, visibleWorkspaces } from "../server/access.js";

/** The `credential` resource; keys are returned as the platform's examples return them. */
const serializeCredential = (credential: ScenarioCredentialFile): Record<string, unknown> => ({
  id: credential.id,
  type: "credential",
  links: { self: `/v2/credentials/${credential.id}` },
  attributes: { name: credential.name, keys: credential.keys },
  relationships: {
    user: relationOne("user", credential.userId, `/v2/users/${credential.userId}`),
    component: relationOne("component", credential.componentId, `/v2/components/${credential.componentId}`),
    workspace: relationOne("workspace", credential.workspaceId, `/v2/workspaces/${credential.workspaceId}`),
  },
});

/** Credentials of a workspace. */
export const credentialRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: "/credentials",
    handler: ({ state, user, query }) => {
      const workspace = requireWorkspace(state, user, requiredParam(query, "workspace_id"));
      const component = query.get("filter[component]")?.trim();
      const credentials = [...state.credentials.values()].filter(
        (credential) =>
          credential.workspaceId === workspace.id && (!component || credential.componentId === component),
      );
      return {
        status: 200,
        body: collectionDocument(credentials.map(serializeCredential), "/v2/credentials"),
      };
    },
  },
  {
    method: "GET",
    pattern: "/credentials/:credentialId",
    handler: ({ state, user, params }) => {
      const id = params.credentialId ?? "";
      const credential = state.credentials.get(id);
      const visible =
        credential && visibleWorkspaces(state, user).some((w) => w.id === credential.workspaceId);
      if (!credential || !visible) throw notFound("Credential", id);
      return { status: 200, body: singleDocument(serializeCredential(credential), `/v2/credentials/${id}`) };
    },
  },
];
