import { createTransport } from "./http/transport.js";
import { type PlatformClientOptions, resolveOptions } from "./options.js";
import type { PlatformClient } from "./platform-client.js";
import type { Api } from "./resources/api.js";
import { componentsApi } from "./resources/components.js";
import { contractsApi } from "./resources/contracts.js";
import { credentialsApi } from "./resources/credentials.js";
import { dataSamplesApi } from "./resources/data-samples.js";
import { flowsApi } from "./resources/flows.js";
import { logsApi } from "./resources/logs.js";
import { statsApi } from "./resources/stats.js";
import { usersApi } from "./resources/users.js";
import { verifyCredentialApi } from "./resources/verify-credential.js";
import { verifyStoredCredentialApi } from "./resources/verify-stored-credential.js";
import { workspacesApi } from "./resources/workspaces.js";

const buildClient = (api: Api, close: () => Promise<void>): PlatformClient => {
  const { verifyCredential } = verifyCredentialApi(api);
  return {
    ...usersApi(api),
    ...contractsApi(api),
    ...workspacesApi(api),
    ...flowsApi(api),
    ...componentsApi(api),
    ...credentialsApi(api),
    ...dataSamplesApi(api),
    ...logsApi(api),
    ...statsApi(api),
    verifyCredential,
    ...verifyStoredCredentialApi(api, verifyCredential),
    close,
  };
};

/**
 * Creates a client for the elastic.io REST API v2: HTTP Basic auth, one keep-alive pool, retries with back-off
 * for requests that are safe to repeat, typed errors, and decoding into the core model. Validates the options
 * once and throws `PLATFORM_INVALID_OPTION` naming the option.
 */
export const createPlatformClient = (options: PlatformClientOptions): PlatformClient => {
  const resolved = resolveOptions(options);
  const transport = createTransport(resolved);
  return buildClient({ transport, pageSize: resolved.pageSize }, transport.close);
};
