import type { Component, ComponentVersion } from "@flowdoctor/core";
import { decodeComponent, decodeComponentVersion, indexIncluded } from "../decode/component.js";
import { collectionData, includedData, singleData } from "../decode/json-api.js";
import { type CallOptions, segment, withQuery } from "../http/api-request.js";
import { type Api, call, decode, requireId } from "./api.js";

/** Filters of `GET /v2/components`. */
export interface ComponentsQuery {
  /** The contract whose components to list (required by the API). */
  readonly contractId: string;
  /** `filter[access]`; the server's default is `all`. */
  readonly access?: "private" | "public" | "all";
}

const componentPath = (method: string, componentId: string): string =>
  `/v2/components/${segment(requireId(method, "componentId", componentId))}`;

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
  getComponent: async (componentId: string, options?: CallOptions): Promise<Component> => {
    const response = await call(api, "GET", componentPath("getComponent", componentId), options);
    return decode(response, (body) =>
      decodeComponent(singleData(body), "data", indexIncluded(includedData(body))),
    );
  },
  /** The components of a contract (`GET /v2/components?contract_id=`). */
  listComponents: (query: ComponentsQuery, options?: CallOptions): Promise<Component[]> =>
    listAt(
      api,
      withQuery("/v2/components", {
        contract_id: requireId("listComponents", "contractId", query.contractId),
        "filter[access]": query.access,
      }),
      options,
    ),
  /** The components a workspace may use (`GET /v2/workspace/{id}/components`, singular `workspace`). */
  listWorkspaceComponents: (workspaceId: string, options?: CallOptions): Promise<Component[]> =>
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
