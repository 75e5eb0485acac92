import type { DataSample } from "@flowdoctor/core";
import { readResource, relatedId } from "./json-api.js";
import { optional, readString } from "./read.js";

/** Decodes a `data-sample` resource object. */
export const decodeDataSample = (value: unknown, at: string): DataSample => {
  const resource = readResource(value, "data-sample", at);
  return {
    id: resource.id,
    method: readString(resource.attributes, "method", `${resource.at}.attributes`),
    result: resource.attributes.result ?? null,
    ...optional("componentId", relatedId(resource, "component")),
    ...optional("componentVersion", relatedId(resource, "component_version")),
    ...optional("workspaceId", relatedId(resource, "workspace")),
  };
};
