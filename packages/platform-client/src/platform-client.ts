import type {
  Component,
  ComponentVersion,
  Contract,
  CredentialRef,
  CredentialVerification,
  DataSample,
  Flow,
  FlowQueueStats,
  FlowVersion,
  LogEntry,
  User,
  Workspace,
} from "@flowdoctor/core";
import type { ComponentDescriptor } from "./decode/descriptor.js";
import type { Member } from "./decode/member.js";
import type { WorkspaceStats } from "./decode/workspace-stats.js";
import type { CallOptions } from "./http/api-request.js";
import type { ComponentsQuery } from "./resources/components.js";
import type { CredentialsQuery } from "./resources/credentials.js";
import type { FlowsQuery } from "./resources/flows.js";
import type { LogPage, LogsPaging, LogsQuery } from "./resources/logs.js";
import type { Page, PageQuery } from "./resources/page.js";
import type { UsersQuery } from "./resources/users.js";
import type { VerifyCredentialRequest } from "./resources/verify-credential.js";
import type { VerifyStoredCredentialRequest } from "./resources/verify-stored-credential.js";
import type { WorkspacesQuery } from "./resources/workspaces.js";

/**
 * A typed client for the elastic.io REST API v2. Every method rejects with a `PlatformError` (match on `code`),
 * or with the signal's reason when `options.signal` aborts. `list*` methods fetch one page, `iterate*` methods
 * walk all pages lazily.
 */
export interface PlatformClient {
  /** The user the client authenticates as (`GET /v2/users/me`); doubles as a credentials check. */
  me(options?: CallOptions): Promise<User>;
  /** One user, e.g. a flow's author (`GET /v2/users/{id}`). */
  getUser(userId: string, options?: CallOptions): Promise<User>;
  /** One page of the tenant's users (`GET /v2/users`, needs `tenants.user.list_all`). */
  listUsers(query?: UsersQuery & PageQuery, options?: CallOptions): Promise<Page<User>>;
  /** All of the tenant's users. */
  iterateUsers(query?: UsersQuery, options?: CallOptions): AsyncGenerator<User, void, undefined>;

  /** One contract (`GET /v2/contracts/{id}`). */
  getContract(contractId: string, options?: CallOptions): Promise<Contract>;
  /** A contract's members with their roles (`GET /v2/contracts/{id}/members/`). */
  listContractMembers(contractId: string, options?: CallOptions): Promise<Member[]>;
  /** One page of the contracts the user belongs to (`GET /v2/contracts/`). */
  listContracts(query?: PageQuery, options?: CallOptions): Promise<Page<Contract>>;
  /** All contracts the user belongs to. */
  iterateContracts(options?: CallOptions): AsyncGenerator<Contract, void, undefined>;

  /** One workspace (`GET /v2/workspaces/{id}`); a missing `type` is reported as `full`. */
  getWorkspace(workspaceId: string, options?: CallOptions): Promise<Workspace>;
  /** A workspace's members with their roles (`GET /v2/workspaces/{id}/members/`). */
  listWorkspaceMembers(workspaceId: string, options?: CallOptions): Promise<Member[]>;
  /** One page of the workspaces the user belongs to (`GET /v2/workspaces`). */
  listWorkspaces(query?: WorkspacesQuery & PageQuery, options?: CallOptions): Promise<Page<Workspace>>;
  /** All workspaces the user belongs to. */
  iterateWorkspaces(
    query?: WorkspacesQuery,
    options?: CallOptions,
  ): AsyncGenerator<Workspace, void, undefined>;

  /** One flow with its graph (`GET /v2/flows/{id}`). */
  getFlow(flowId: string, options?: CallOptions): Promise<Flow>;
  /** One page of a workspace's flows (`GET /v2/flows?workspace_id=`). */
  listFlows(query: FlowsQuery & PageQuery, options?: CallOptions): Promise<Page<Flow>>;
  /** All flows of a workspace. */
  iterateFlows(query: FlowsQuery, options?: CallOptions): AsyncGenerator<Flow, void, undefined>;
  /**
   * Starts a flow (`POST /v2/flows/{id}/start`, 202) and returns it as the platform answers: `status` is
   * `active`, `currentStatus` may lag. Never retried blindly; `PLATFORM_CONFLICT` when it is already active.
   */
  startFlow(flowId: string, options?: CallOptions): Promise<Flow>;
  /** Stops a flow (`POST /v2/flows/{id}/stop`, 202); stopping is asynchronous: poll `getFlow`. */
  stopFlow(flowId: string, options?: CallOptions): Promise<void>;
  /** One version of a flow (`GET /v2/flows/{id}/versions/{sha}`). */
  getFlowVersion(flowId: string, versionId: string, options?: CallOptions): Promise<FlowVersion>;
  /** One page of a flow's versions, oldest first (`GET /v2/flows/{id}/versions`). */
  listFlowVersions(flowId: string, query?: PageQuery, options?: CallOptions): Promise<Page<FlowVersion>>;
  /** All versions of a flow, oldest first. */
  iterateFlowVersions(flowId: string, options?: CallOptions): AsyncGenerator<FlowVersion, void, undefined>;

  /** One component with its latest version when the platform includes it (`GET /v2/components/{id}`). */
  getComponent(componentId: string, options?: CallOptions): Promise<Component>;
  /** A component as a workspace may use it (`GET /v2/workspace/{ws}/components/{id}`). */
  getWorkspaceComponent(workspaceId: string, componentId: string, options?: CallOptions): Promise<Component>;
  /** The components of a contract (`GET /v2/components?contract_id=`; not paged). */
  listComponents(query: ComponentsQuery, options?: CallOptions): Promise<Component[]>;
  /** The components a workspace may use (`GET /v2/workspace/{id}/components`; not paged). */
  listWorkspaceComponents(workspaceId: string, options?: CallOptions): Promise<Component[]>;
  /** Every component of the tenant (`GET /v2/components/all`, needs `tenants.component.list_all`). */
  listAllComponents(options?: CallOptions): Promise<Component[]>;
  /** A component's versions (`GET /v2/components/{id}/versions`); runtime facts only when descriptors are included. */
  listComponentVersions(componentId: string, options?: CallOptions): Promise<ComponentVersion[]>;
  /** A version's descriptor (`GET /v2/components/{id}/versions/{revision}/descriptor`); `revision` defaults to `latest`. */
  getComponentDescriptor(
    componentId: string,
    revision?: string,
    options?: CallOptions,
  ): Promise<ComponentDescriptor>;

  /** One credential without its keys (`GET /v2/credentials/{id}/`). */
  getCredential(credentialId: string, options?: CallOptions): Promise<CredentialRef>;
  /** A workspace's credentials without their keys (`GET /v2/credentials/?workspace_id=`; not paged). */
  listCredentials(query: CredentialsQuery, options?: CallOptions): Promise<CredentialRef[]>;
  /**
   * Runs the verify-credential execution as one call: schedules it, polls with growing intervals, fetches the
   * result, and gives up at the deadline with `PLATFORM_TIMEOUT`. A rejected credential is a result, not an error.
   */
  verifyCredential(request: VerifyCredentialRequest, options?: CallOptions): Promise<CredentialVerification>;
  /**
   * Verifies a credential the platform stores: reads its component, workspace, VPN agent and keys
   * (`GET /v2/credentials/{id}/`) and runs {@link PlatformClient.verifyCredential} with them. The keys are
   * handed back to the platform and never exposed.
   */
  verifyStoredCredential(
    credentialId: string,
    request?: VerifyStoredCredentialRequest,
    options?: CallOptions,
  ): Promise<CredentialVerification>;

  /** One data sample (`GET /v2/data-samples/{id}`). */
  getDataSample(sampleId: string, options?: CallOptions): Promise<DataSample>;
  /** Several data samples by id (`GET /v2/data-samples?filter[id]=a,b`). */
  listDataSamples(sampleIds: readonly string[], options?: CallOptions): Promise<DataSample[]>;

  /** One page of log entries (`GET /v2/logs`, plain JSON, offset/limit; needs `workspaces.logs.read_all`). */
  listLogs(query: LogsQuery & LogsPaging, options?: CallOptions): Promise<LogPage>;
  /** All matching log entries (at most the 10,000 the platform counts). */
  iterateLogs(query: LogsQuery, options?: CallOptions): AsyncGenerator<LogEntry, void, undefined>;

  /** Queue depth per step of a flow (`GET /v2/stats/queues/{flow}`); meaningful while the flow runs. */
  getQueueStats(flowId: string, options?: CallOptions): Promise<FlowQueueStats>;
  /** Workspaces with their type, flows and components (`GET /v2/stats/workspaces`); owners pass `contractId`. */
  listWorkspaceStats(
    query?: { readonly contractId?: string },
    options?: CallOptions,
  ): Promise<WorkspaceStats[]>;

  /** Releases the client's own connection pool (an injected dispatcher stays open). Safe to call twice. */
  close(): Promise<void>;
}
