import type { CredentialVerification } from "@flowdoctor/core";
import { decodeStoredCredential } from "../decode/credential.js";
import { singleData } from "../decode/json-api.js";
import { type CallOptions, segment } from "../http/api-request.js";
import { type Api, call, decode, requireId } from "./api.js";
import type { VerifyCredentialRequest } from "./verify-credential.js";

/** How to verify a stored credential: the version and patience of {@link VerifyCredentialRequest}. */
export type VerifyStoredCredentialRequest = Omit<
  VerifyCredentialRequest,
  "componentId" | "workspaceId" | "fields" | "vpnAgentId"
>;

type Verify = (request: VerifyCredentialRequest, options?: CallOptions) => Promise<CredentialVerification>;

/** Verifying a credential the platform already stores, by id (its keys are read and sent back, never exposed). */
export const verifyStoredCredentialApi = (api: Api, verifyCredential: Verify) => ({
  verifyStoredCredential: async (
    credentialId: string,
    request: VerifyStoredCredentialRequest = {},
    options?: CallOptions,
  ): Promise<CredentialVerification> => {
    const id = segment(requireId("verifyStoredCredential", "credentialId", credentialId));
    const response = await call(api, "GET", `/v2/credentials/${id}/`, options);
    const { credential, keys } = decode(response, (body) => decodeStoredCredential(singleData(body), "data"));
    return verifyCredential(
      {
        ...request,
        componentId: credential.componentId,
        workspaceId: credential.workspaceId,
        fields: keys,
        ...(credential.vpnAgentId === undefined ? {} : { vpnAgentId: credential.vpnAgentId }),
      },
      options,
    );
  },
});
