import type { Cause, ContractStatus, FlowStatus, FlowType, WorkspaceType } from "@flowdoctor/core";
import type { TimeRef } from "./relative-time.js";

/**
 * The scenario file format: what a JSON file or a module's `scenario` export holds.
 * Ids are 24-hex ObjectIds (versions: 40-hex). Times are {@link TimeRef}s. `graph` and `nodesConfig`
 * are the platform's own JSON (snake_case, as `GET /v2/flows/{id}` returns them), so a real flow can be pasted in.
 */
export interface ScenarioFile {
  readonly name: string;
  readonly description?: string;
  readonly users: readonly ScenarioUserFile[];
  readonly contracts: readonly ScenarioContractFile[];
  readonly workspaces: readonly ScenarioWorkspaceFile[];
  readonly components?: readonly ScenarioComponentFile[];
  readonly credentials?: readonly ScenarioCredentialFile[];
  readonly dataSamples?: readonly ScenarioDataSampleFile[];
  readonly flows?: readonly ScenarioFlowFile[];
  readonly logs?: readonly ScenarioLogFile[];
  readonly containerExits?: readonly ScenarioContainerExitFile[];
}

/** A user who can log in with e-mail and API key. */
export interface ScenarioUserFile {
  readonly id: string;
  readonly email: string;
  /** The API key used with the e-mail for HTTP Basic auth. */
  readonly apiKey: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company?: string;
  /** Who the user is and what they may see, for demo login pickers (never sent by the platform API). */
  readonly description?: string;
  readonly registered?: TimeRef;
  readonly lastLogin?: TimeRef;
  /** A tenant admin may list all users and workspace stats. */
  readonly tenantAdmin?: boolean;
}

/** A membership: the user and their roles (`owner`, `admin`, `integrator`, `guest`, or custom). */
export interface ScenarioMemberFile {
  readonly userId: string;
  readonly roles: readonly string[];
  /** Permissions granted on top of the roles' defaults, e.g. `workspaces.logs.read_all`. */
  readonly permissions?: readonly string[];
}

/** A contract (tenant customer) and its members. */
export interface ScenarioContractFile {
  readonly id: string;
  readonly name: string;
  /** @default "active" */
  readonly status?: ContractStatus;
  readonly supportUserId?: string;
  readonly createdAt?: TimeRef;
  readonly updatedAt?: TimeRef;
  readonly featureFlags?: Readonly<Record<string, unknown>>;
  readonly members: readonly ScenarioMemberFile[];
}

/** A workspace of a contract and its members. */
export interface ScenarioWorkspaceFile {
  readonly id: string;
  readonly name: string;
  readonly contractId: string;
  /** @default "full" */
  readonly type?: WorkspaceType;
  readonly flowStatsEnabledDefault?: boolean;
  readonly members: readonly ScenarioMemberFile[];
}

/** One build of a component. */
export interface ScenarioComponentVersionFile {
  readonly id: string;
  readonly versionNumber: number;
  readonly date: TimeRef;
  /** @default the component's */
  readonly sailorVersion?: string;
}

/** A component (connector) flows use in their steps. */
export interface ScenarioComponentFile {
  readonly id: string;
  /** Repository name, e.g. `rest-api-component-v2`. */
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly teamName: string;
  /** @default "global" */
  readonly access?: "team" | "tenant" | "global";
  /** The contract whose team owns the component; required for `team` access. */
  readonly contractId?: string;
  /** @default "nodejs" */
  readonly language?: "nodejs" | "java";
  /** @default "2.7.8" */
  readonly sailorVersion?: string;
  /** At least one; the last is the latest. */
  readonly versions: readonly ScenarioComponentVersionFile[];
  readonly triggers?: Readonly<Record<string, { readonly title: string }>>;
  readonly actions?: Readonly<Record<string, { readonly title: string }>>;
  readonly credentialFields?: Readonly<
    Record<string, { readonly label: string; readonly required?: boolean; readonly viewClass: string }>
  >;
}

/** A credential of a workspace for one component. */
export interface ScenarioCredentialFile {
  readonly id: string;
  readonly name: string;
  readonly workspaceId: string;
  readonly componentId: string;
  readonly userId: string;
  readonly keys: Readonly<Record<string, unknown>>;
  /** What verify-credential answers for these keys. @default { verified: true } */
  readonly verification?: { readonly verified: boolean; readonly reason?: string };
}

/** A data sample a step's mapping was built from. */
export interface ScenarioDataSampleFile {
  readonly id: string;
  readonly workspaceId: string;
  readonly componentId: string;
  /** @default "latest" */
  readonly componentVersion?: string;
  readonly userId?: string;
  readonly method: string;
  readonly result: unknown;
}

/** The queue in front of one step (`GET /v2/stats/queues/{flow}`). */
export interface ScenarioQueueStatFile {
  readonly stepId: string;
  readonly total: number;
  readonly ready: number;
  readonly unacked: number;
  readonly rebounds: number;
}

/** Which cause a flow was built to show, and where. Tests only: never served by the API. */
export interface ScenarioExpectationFile {
  readonly cause: Cause;
  readonly stepId?: string;
}

/** A published version of a flow. */
export interface ScenarioFlowVersionFile {
  readonly id: string;
  readonly createdAt: TimeRef;
  readonly name?: string;
  /** This version's graph, as the platform's JSON. @default the flow's `graph` */
  readonly graph?: ScenarioFlowFile["graph"];
}

/** A flow: its graph, state, versions, queue stats and the causes it was built to show. */
export interface ScenarioFlowFile {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly workspaceId: string;
  /** The author. */
  readonly userId: string;
  /** @default "ordinary" */
  readonly type?: FlowType;
  readonly status: FlowStatus;
  /** @default status */
  readonly currentStatus?: string;
  readonly cron?: string | null;
  readonly createdAt: TimeRef;
  readonly updatedAt?: TimeRef;
  readonly lastStartTime?: TimeRef;
  readonly dueExecution?: TimeRef;
  /** @default true */
  readonly statsEnabled?: boolean;
  /** @default false */
  readonly hasDraft?: boolean;
  readonly graph: {
    readonly nodes: readonly Readonly<Record<string, unknown>>[];
    readonly edges: readonly Readonly<Record<string, unknown>>[];
  };
  readonly nodesConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Oldest first; the last is the latest. @default one version at `createdAt` */
  readonly versions?: readonly ScenarioFlowVersionFile[];
  readonly queueStats?: readonly ScenarioQueueStatFile[];
  /** @default [] (a healthy flow) */
  readonly expected?: readonly ScenarioExpectationFile[];
}

/** One log line of a step, served by `GET /v2/logs`. */
export interface ScenarioLogFile {
  readonly flowId: string;
  readonly stepId: string;
  readonly at: TimeRef;
  /** Bunyan level: 10, 20, 30, 40, 50, 60. */
  readonly level: number;
  readonly message: string;
  /** A label: entries with the same label share a `thread_id` (one execution). */
  readonly execution?: string;
  readonly id?: string;
  readonly threadId?: string;
  readonly execId?: string;
  readonly containerId?: string;
  /** @default the step's function */
  readonly method?: string;
}

/** How a step's container ended; served as the log lines the platform writes. */
export interface ScenarioContainerExitFile {
  readonly flowId: string;
  readonly stepId: string;
  readonly at: TimeRef;
  readonly state: "Finished" | "Killed" | "Failed";
  readonly exitCode: number;
  /** e.g. `OOMKilled`, `Error`. */
  readonly reason: string;
}
