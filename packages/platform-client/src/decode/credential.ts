import type { CredentialRef } from "@flowdoctor/core";
import { readResource, relatedId, requiredRelatedId } from "./json-api.js";
import { asObject, type JsonObject, optional, readString } from "./read.js";

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

/**
 * Decodes a `credential` with its `keys`, for the one use that needs them: handing them straight back to the
 * platform's verify-credential execution. The keys never leave the client.
 */
export const decodeStoredCredential = (
  value: unknown,
  at: string,
): { readonly credential: CredentialRef; readonly keys: JsonObject } => {
  const credential = decodeCredential(value, at);
  const attributes = readResource(value, "credential", at).attributes;
  const keys = attributes.keys === undefined ? {} : asObject(attributes.keys, `${at}.attributes.keys`);
  return { credential, keys };
};
