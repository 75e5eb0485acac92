/**
 * What the elastic.io platform has, as Flowdoctor sees it (`docs/elasticio-platform.md` §1 and §4).
 * Field names are camelCase; the platform client decodes the API's snake_case JSON into these types.
 */

/** A 24-hex MongoDB ObjectId, the platform's id for most resources. */
export type ObjectId = string;
/** A 40-hex git hash: flow and component version ids. */
export type Sha = string;
/** An ISO-8601 date-time string. */
export type IsoDateTime = string;

export type ContractStatus = "active" | "suspended" | "suspending";
export type WorkspaceType = "full" | "limited";
/** `long_running` is what the UI calls "real-time". */
export type FlowType = "ordinary" | "long_running";
export type FlowStatus = "active" | "inactive" | "suspended";

export interface User {
  readonly id: ObjectId;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly company?: string;
  readonly registeredAt?: IsoDateTime;
  readonly lastLoginAt?: IsoDateTime;
}

export interface Contract {
  readonly id: ObjectId;
  readonly name: string;
  readonly status: ContractStatus;
  readonly supportUserId?: ObjectId;
  readonly createdAt?: IsoDateTime;
  readonly updatedAt?: IsoDateTime;
}

export interface Workspace {
  readonly id: ObjectId;
  readonly name: string;
  readonly type: WorkspaceType;
  readonly contractId: ObjectId;
  readonly flowStatsEnabledDefault?: boolean;
}

export type StepLogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

/** One step of a flow's graph. The first node of a flow is its single trigger. */
export interface FlowNode {
  readonly id: string;
  readonly componentId: ObjectId;
  /** `{team}/{repo}:{function}[@version]`, e.g. `elasticio/timer:timer`. */
  readonly command: string;
  readonly name: string;
  readonly description?: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly credentialsId?: ObjectId;
  readonly secretId?: ObjectId;
  readonly vpnAgentId?: ObjectId;
  readonly selectedDataSamples?: readonly ObjectId[];
  /** A custom error-handler node. */
  readonly isErrorHandler?: boolean;
}

export interface FlowEdgeConfig {
  readonly mapperType?: string;
  /** An object of JSONata expressions, or one JSONata expression. */
  readonly mapper?: Readonly<Record<string, unknown>> | string;
  readonly condition?: string | null;
  readonly isErrorRoute?: boolean;
}

export interface FlowEdge {
  readonly id?: string;
  /** `null` for the error-handler edge. */
  readonly source: string | null;
  readonly target: string;
  readonly config?: FlowEdgeConfig;
}

export interface FlowGraph {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

export interface NodeConfig {
  /** "Parallel processing"; default 1. */
  readonly prefetch?: number;
  /** Default 1, at most 5. */
  readonly replicas?: number;
  readonly passthroughDisabled?: boolean;
  readonly logLevel?: StepLogLevel;
  readonly disableDynamicFlowControl?: boolean;
  readonly persistentMessages?: boolean;
}

export interface Flow {
  readonly id: ObjectId;
  readonly name: string;
  readonly description: string | null;
  readonly type: FlowType;
  /** The desired state. */
  readonly status: FlowStatus;
  /** The observed state; may lag `status` or take values the API does not document. */
  readonly currentStatus: FlowStatus | (string & {});
  readonly workspaceId: ObjectId;
  readonly authorId: ObjectId;
  readonly cron: string | null;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  readonly lastStartTime?: IsoDateTime;
  readonly dueExecution?: IsoDateTime;
  readonly statsEnabled?: boolean;
  readonly latestVersionId?: Sha;
  readonly graph: FlowGraph;
  readonly nodesConfig: Readonly<Record<string, NodeConfig>>;
}

export interface FlowVersion {
  readonly id: Sha;
  readonly flowId: ObjectId;
  readonly name: string;
  readonly description: string | null;
  readonly createdAt: IsoDateTime;
  readonly authorId?: ObjectId;
  readonly graph: FlowGraph;
}

export type ComponentAccess = "team" | "tenant" | "global";
export type ComponentLanguage = "nodejs" | "java";

export interface ComponentVersion {
  readonly id: Sha;
  readonly componentId: ObjectId;
  readonly versionNumber: number;
  /** When the version was built. */
  readonly date: IsoDateTime;
  readonly language?: ComponentLanguage;
  /** The runtime library (sailor) version, which decides platform behaviour (§4.12). */
  readonly sailorVersion?: string;
}

export interface Component {
  readonly id: ObjectId;
  readonly name: string;
  readonly teamName: string;
  readonly access: ComponentAccess;
  readonly latestVersion?: ComponentVersion;
}

/** A credential, without its secret keys: Flowdoctor never needs to show them. */
export interface CredentialRef {
  readonly id: ObjectId;
  readonly name: string;
  readonly componentId: ObjectId;
  readonly workspaceId: ObjectId;
  readonly authorId?: ObjectId;
  readonly vpnAgentId?: ObjectId;
}

export type CredentialVerification =
  | { readonly verified: true }
  | { readonly verified: false; readonly reason?: string };

export interface DataSample {
  readonly id: ObjectId;
  readonly method: string;
  readonly result: unknown;
  readonly componentId?: ObjectId;
  readonly componentVersion?: Sha | "latest";
  readonly workspaceId?: ObjectId;
}

/** The queue in front of one step (`GET /v2/stats/queues/{flow}`). */
export interface StepQueueStats {
  readonly stepId: string;
  readonly total: number;
  readonly ready: number;
  readonly unacked: number;
  readonly rebounds: number;
  /** Bytes in the queue, when known; the documented API does not report it. */
  readonly bytes?: number;
}

export interface FlowQueueStats {
  readonly flowId: ObjectId;
  readonly steps: readonly StepQueueStats[];
}

/** How a step's container ended (Containers page; `GET v2/containers` is undocumented). */
export interface ContainerExit {
  readonly state: "Running" | "Finished" | "Killed" | "Failed";
  readonly exitCode?: number;
  readonly reason?: string;
}
