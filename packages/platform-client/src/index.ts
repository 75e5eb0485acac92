export { createPlatformClient } from "./client.js";
export type { ComponentDescriptor, ComponentFunction, CredentialField } from "./decode/descriptor.js";
export type { Member } from "./decode/member.js";
export type {
  WorkspaceStats,
  WorkspaceStatsComponent,
  WorkspaceStatsFlow,
} from "./decode/workspace-stats.js";
export type { PlatformErrorCode, PlatformErrorDetails } from "./errors.js";
export { isPlatformError, PLATFORM_ERROR_CODES, PlatformError } from "./errors.js";
export type { CallOptions } from "./http/api-request.js";
export type { AttemptOutcome, HttpMethod, PlatformClientHooks, RequestAttempt } from "./http/hooks.js";
export type { PlatformClientOptions, RetryBudgetOptions } from "./options.js";
export type { PlatformClient } from "./platform-client.js";
export type { ComponentsQuery } from "./resources/components.js";
export type { CredentialsQuery } from "./resources/credentials.js";
export type { FlowsQuery } from "./resources/flows.js";
export type { LogPage, LogsPaging, LogsQuery } from "./resources/logs.js";
export type { Page, PageQuery } from "./resources/page.js";
export type { UsersQuery } from "./resources/users.js";
export type { VerifyCredentialRequest } from "./resources/verify-credential.js";
export type { VerifyStoredCredentialRequest } from "./resources/verify-stored-credential.js";
export type { WorkspacesQuery } from "./resources/workspaces.js";
