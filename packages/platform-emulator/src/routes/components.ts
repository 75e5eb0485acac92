import { ApiError, notFound } from "../http/api-error.js";
import { collectionDocument, relationOne, singleDocument } from "../http/json-api.js";
import { enumParam, requiredParam } from "../http/query.js";
import type { RequestContext, Route } from "../http/router.js";
import { shaFor } from "../scenario/ids.js";
import type { ScenarioComponent, ScenarioComponentVersion, ScenarioUser } from "../scenario/scenario.js";
import { requireContract, requireWorkspace, visibleContracts } from "../server/access.js";
import type { EmulatorState } from "../server/emulator-state.js";

const latestOf = (component: ScenarioComponent): ScenarioComponentVersion =>
  component.versions[component.versions.length - 1] as ScenarioComponentVersion;

/** Whether a contract may use a component: shared ones always, team ones only in their own contract. */
const usableIn = (component: ScenarioComponent, contractId: string): boolean =>
  component.access !== "team" || component.contractId === contractId;

/** A component the user can reach through any of their contracts; 404 otherwise. */
export const requireComponent = (state: EmulatorState, user: ScenarioUser, id: string): ScenarioComponent => {
  const component = state.components.get(id);
  const reachable =
    component && visibleContracts(state, user).some((contract) => usableIn(component, contract.id));
  if (!component || !reachable) throw notFound("Component", id);
  return component;
};

/** A version by git revision or `latest`; 404 otherwise. */
export const requireVersion = (component: ScenarioComponent, revision: string): ScenarioComponentVersion => {
  const version =
    revision === "latest"
      ? latestOf(component)
      : component.versions.find((candidate) => candidate.id === revision);
  if (!version) throw notFound("Component version", revision);
  return version;
};

const descriptorId = (component: ScenarioComponent, version: ScenarioComponentVersion): string =>
  shaFor(`descriptor:${component.id}:${version.id}`).slice(0, 24);

const serializeVersion = (
  component: ScenarioComponent,
  version: ScenarioComponentVersion,
): Record<string, unknown> => ({
  id: version.id,
  type: "version",
  links: { self: `/v2/components/${component.id}/versions/${version.id}` },
  attributes: { date: Date.parse(version.date), version_number: version.versionNumber },
  relationships: {
    descriptor: { data: { id: descriptorId(component, version), type: "descriptor" } },
    component: { data: { id: component.id, type: "component" } },
  },
});

const serializeDescriptor = (
  component: ScenarioComponent,
  version: ScenarioComponentVersion,
): Record<string, unknown> => ({
  id: descriptorId(component, version),
  type: "descriptor",
  attributes: {
    repo_name: component.name,
    team_name: component.teamName,
    short_revision: version.id.slice(0, 7),
    is_latest: version === latestOf(component),
    title: component.title,
    description: component.description ?? "",
    icon: "",
    language: component.language,
    sailor_version: version.sailorVersion,
    actions: component.actions ?? {},
    triggers: component.triggers ?? {},
    ...(component.credentialFields === undefined
      ? {}
      : { credentials: { fields: component.credentialFields } }),
  },
});

const serializeComponent = (component: ScenarioComponent): Record<string, unknown> => ({
  id: component.id,
  type: "component",
  links: { self: `/v2/components/${component.id}` },
  attributes: {
    name: component.name,
    team_name: component.teamName,
    access: component.access,
    ...(component.contractId === undefined ? {} : { whitelisted_contract_ids: [component.contractId] }),
  },
  relationships: {
    versions: { links: { related: `/v2/components/${component.id}/versions` } },
    latest_version: relationOne(
      "version",
      latestOf(component).id,
      `/v2/components/${component.id}/versions/latest`,
    ),
  },
});

/** A component list: latest versions and their descriptors are included, `meta` is empty. */
const componentList = (components: readonly ScenarioComponent[], self: string): Record<string, unknown> =>
  collectionDocument(components.map(serializeComponent), self, {
    included: components.flatMap((component) => [
      serializeVersion(component, latestOf(component)),
      serializeDescriptor(component, latestOf(component)),
    ]),
  });

const ACCESS_FILTERS = ["private", "public", "all"] as const;

const listComponents = ({ state, user, query }: RequestContext) => {
  const contract = requireContract(state, user, requiredParam(query, "contract_id"));
  const access = enumParam(query, "filter[access]", ACCESS_FILTERS) ?? "all";
  const components = [...state.components.values()].filter(
    (component) =>
      usableIn(component, contract.id) &&
      (access === "all" || (access === "private") === (component.access === "team")),
  );
  return { status: 200, body: componentList(components, "/v2/components") };
};

const workspaceComponent = ({ state, user, params }: RequestContext): ScenarioComponent => {
  const workspace = requireWorkspace(state, user, params.workspaceId ?? "");
  const component = state.components.get(params.componentId ?? "");
  if (!component || !usableIn(component, workspace.contractId))
    throw notFound("Component", params.componentId ?? "");
  return component;
};

/** Components, their versions and descriptors. */
export const componentRoutes: readonly Route[] = [
  { method: "GET", pattern: "/components", handler: listComponents },
  {
    method: "GET",
    pattern: "/components/all",
    handler: ({ state, user }) => {
      if (!user.tenantAdmin) throw new ApiError(403, "You need a permission to access this resource.");
      return { status: 200, body: componentList([...state.components.values()], "/v2/components/all") };
    },
  },
  {
    method: "GET",
    pattern: "/workspace/:workspaceId/components",
    handler: ({ state, user, params }) => {
      const workspace = requireWorkspace(state, user, params.workspaceId ?? "");
      const components = [...state.components.values()].filter((c) => usableIn(c, workspace.contractId));
      return { status: 200, body: componentList(components, `/v2/workspace/${workspace.id}/components`) };
    },
  },
  {
    method: "GET",
    pattern: "/workspace/:workspaceId/components/:componentId",
    handler: (context) => {
      const component = workspaceComponent(context);
      return {
        status: 200,
        body: singleDocument(serializeComponent(component), `/v2/components/${component.id}`),
      };
    },
  },
  {
    method: "GET",
    pattern: "/components/:componentId",
    handler: ({ state, user, params }) => {
      const component = requireComponent(state, user, params.componentId ?? "");
      const latest = latestOf(component);
      const included = [serializeVersion(component, latest), serializeDescriptor(component, latest)];
      return {
        status: 200,
        body: singleDocument(serializeComponent(component), `/v2/components/${component.id}`, included),
      };
    },
  },
  {
    method: "GET",
    pattern: "/components/:componentId/versions",
    handler: ({ state, user, params }) => {
      const component = requireComponent(state, user, params.componentId ?? "");
      const data = component.versions.map((version) => serializeVersion(component, version));
      return { status: 200, body: collectionDocument(data, `/v2/components/${component.id}/versions`) };
    },
  },
  {
    method: "GET",
    pattern: "/components/:componentId/versions/:revision/descriptor",
    handler: ({ state, user, params }) => {
      const component = requireComponent(state, user, params.componentId ?? "");
      const version = requireVersion(component, params.revision ?? "");
      const self = `/v2/components/${component.id}/versions/${params.revision ?? ""}/descriptor`;
      return { status: 200, body: singleDocument(serializeDescriptor(component, version), self) };
    },
  },
];
