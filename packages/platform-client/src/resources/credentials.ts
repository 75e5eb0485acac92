import type { CredentialRef } from "@flowdoctor/core";
import { decodeCredential } from "../decode/credential.js";
import { type CallOptions, segment, withQuery } from "../http/api-request.js";
import { type Api, requireId } from "./api.js";
import { getAll, getOne } from "./collection.js";

/** Filters of `GET /v2/credentials/`. */
export interface CredentialsQuery {
  /** The workspace whose credentials to list (required by the API). */
  readonly workspaceId: string;
  /** `filter[component]`: only credentials of this component. */
  readonly componentId?: string;
}

/** The credential endpoints (§1.11); secret `keys` are dropped while decoding. Paths keep the documented trailing slash. */
export const credentialsApi = (api: Api) => ({
  /** One credential, without its keys (`GET /v2/credentials/{id}/`). */
  getCredential: async (credentialId: string, options?: CallOptions): Promise<CredentialRef> =>
    getOne(
      api,
      `/v2/credentials/${segment(requireId("getCredential", "credentialId", credentialId))}/`,
      decodeCredential,
      options,
    ),
  /** A workspace's credentials, without their keys (not paged). */
  listCredentials: async (query: CredentialsQuery, options?: CallOptions): Promise<CredentialRef[]> =>
    getAll(
      api,
      withQuery("/v2/credentials/", {
        workspace_id: requireId("listCredentials", "workspaceId", query.workspaceId),
        "filter[component]": query.componentId,
      }),
      decodeCredential,
      options,
    ),
});
