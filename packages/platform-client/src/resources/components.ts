import type { Component, ComponentVersion } from "@flowdoctor/core";
import { decodeComponent, decodeComponentVersion, indexIncluded } from "../decode/component.js";
import { type ComponentDescriptor, decodeDescriptor } from "../decode/descriptor.js";
import { collectionData, includedData, singleData } from "../decode/json-api.js";
import { type CallOptions, segment, withQuery } from "../http/api-request.js";
import { type Api, call, decode, requireId } from "./api.js";
import { getOne } from "./collection.js";

/** Filters of `GET /v2/components`. */
export interface ComponentsQuery {
  /** The contract whose components to list (required by the API). */
  readonly contractId: string;
  /** `filter[access]`; the server's default is `all`. */
  readonly access?: "private" | "public" | "all";
}

const componentPath = (method: string, componentId: string): string =>
  `/v2/components/${segment(requireId(method, "componentId", componentId))}`;

const getAt = async (api: Api, path: string, options: CallOptions | undefined): Promise<Component> => {
  const response = await call(api, "GET", path, options);
  return decode(response, (body) =>
    decodeComponent(singleData(body), "data", indexIncluded(includedData(body))),
  );
};

const listAt = async (api: Api, path: string, options: CallOptions | undefined): Promise<Component[]> => {
  const response = await call(api, "GET", path, options);
  return decode(response, (body) => {
    const included = indexIncluded(includedData(body));
    return collectionData(body).map((item, index) => decodeComponent(item, `data[${index}]`, included));
  });
};

/** The component endpoints (§1.10). Lists are not paged: the API answers them whole with `meta: {}`. */
export const componentsApi = (api: Api) => ({
  /** One component with its latest version when the platform includes it (`GET /v2/components/{id}`). */
  getComponent: async (componentId: string, options?: CallOptions): Promise<Component> =>
    getAt(api, componentPath("getComponent", componentId), options),
  /** A component as a workspace may use it, honouring the tenant's whitelist (`GET /v2/workspace/{ws}/components/{id}`). */
  getWorkspaceComponent: async (
    workspaceId: string,
    componentId: string,
    options?: CallOptions,
  ): Promise<Component> => {
    const workspace = segment(requireId("getWorkspaceComponent", "workspaceId", workspaceId));
    const component = segment(requireId("getWorkspaceComponent", "componentId", componentId));
    return getAt(api, `/v2/workspace/${workspace}/components/${component}`, options);
  },
  /** Every component of the tenant (`GET /v2/components/all`, needs `tenants.component.list_all`). */
  listAllComponents: async (options?: CallOptions): Promise<Component[]> =>
    listAt(api, "/v2/components/all", options),
  /**
   * A version's descriptor: language, sailor version, actions, triggers, credential fields
   * (`GET /v2/components/{id}/versions/{revision}/descriptor`; `revision` defaults to `latest`).
   */
  getComponentDescriptor: async (
    componentId: string,
    revision = "latest",
    options?: CallOptions,
  ): Promise<ComponentDescriptor> => {
    const version = segment(requireId("getComponentDescriptor", "revision", revision));
    const path = `${componentPath("getComponentDescriptor", componentId)}/versions/${version}/descriptor`;
    return getOne(api, path, decodeDescriptor, options);
  },
  /** The components of a contract (`GET /v2/components?contract_id=`). */
  listComponents: async (query: ComponentsQuery, options?: CallOptions): Promise<Component[]> =>
    listAt(
      api,
      withQuery("/v2/components", {
        contract_id: requireId("listComponents", "contractId", query.contractId),
        "filter[access]": query.access,
      }),
      options,
    ),
  /** The components a workspace may use (`GET /v2/workspace/{id}/components`, singular `workspace`). */
  listWorkspaceComponents: async (workspaceId: string, options?: CallOptions): Promise<Component[]> =>
    listAt(
      api,
      `/v2/workspace/${segment(requireId("listWorkspaceComponents", "workspaceId", workspaceId))}/components`,
      options,
    ),
  /** A component's versions with language and sailor version from their descriptors (`GET /v2/components/{id}/versions`). */
  listComponentVersions: async (componentId: string, options?: CallOptions): Promise<ComponentVersion[]> => {
    const response = await call(
      api,
      "GET",
      `${componentPath("listComponentVersions", componentId)}/versions`,
      options,
    );
    return decode(response, (body) => {
      const included = indexIncluded(includedData(body));
      return collectionData(body).map((item, index) =>
        decodeComponentVersion(item, `data[${index}]`, included, componentId),
      );
    });
  },
});
