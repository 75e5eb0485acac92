import type { CredentialRef } from "@flowdoctor/core";
import { readResource, relatedId, requiredRelatedId } from "./json-api.js";
import { optional, readString } from "./read.js";

/** Decodes a `credential` resource object, dropping its `keys`: Flowdoctor never holds credential secrets. */
export const decodeCredential = (value: unknown, at: string): CredentialRef => {
  const resource = readResource(value, "credential", at);
  return {
    id: resource.id,
    name: readString(resource.attributes, "name", `${resource.at}.attributes`),
    componentId: requiredRelatedId(resource, "component"),
    workspaceId: requiredRelatedId(resource, "workspace"),
    ...optional("authorId", relatedId(resource, "user")),
    ...optional("vpnAgentId", relatedId(resource, "vpn_agent")),
  };
};
