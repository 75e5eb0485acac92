import type { ContractStatus, FlowStatus, FlowType, WorkspaceType } from "@flowdoctor/core";
import type {
  ScenarioComponentFile,
  ScenarioCredentialFile,
  ScenarioDataSampleFile,
  ScenarioExpectationFile,
  ScenarioMemberFile,
  ScenarioQueueStatFile,
  ScenarioUserFile,
} from "./scenario-file.js";

/** A loaded scenario: the file's data with every time resolved against `now` (ISO strings) and every log entry complete. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The "now" the times were resolved against. */
  readonly now: string;
  readonly users: readonly ScenarioUser[];
  readonly contracts: readonly ScenarioContract[];
  readonly workspaces: readonly ScenarioWorkspace[];
  readonly components: readonly ScenarioComponent[];
  readonly credentials: readonly ScenarioCredentialFile[];
  readonly dataSamples: readonly ScenarioDataSampleFile[];
  readonly flows: readonly ScenarioFlow[];
  /** Newest first, as `GET /v2/logs` serves them. */
  readonly logs: readonly ScenarioLogEntry[];
}

/** A loaded user: times resolved, `tenantAdmin` defaulted. */
export interface ScenarioUser extends Omit<ScenarioUserFile, "registered" | "lastLogin" | "tenantAdmin"> {
  readonly registered: string;
  readonly lastLogin: string;
  readonly tenantAdmin: boolean;
}

/** A loaded contract: status and times resolved. */
export interface ScenarioContract {
  readonly id: string;
  readonly name: string;
  readonly status: ContractStatus;
  readonly supportUserId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly featureFlags: Readonly<Record<string, unknown>>;
  readonly members: readonly ScenarioMemberFile[];
}

/** A loaded workspace: type defaulted. */
export interface ScenarioWorkspace {
  readonly id: string;
  readonly name: string;
  readonly contractId: string;
  readonly type: WorkspaceType;
  readonly flowStatsEnabledDefault: boolean;
  readonly members: readonly ScenarioMemberFile[];
}

/** A loaded component version: date resolved, sailor version defaulted. */
export interface ScenarioComponentVersion {
  readonly id: string;
  readonly versionNumber: number;
  readonly date: string;
  readonly sailorVersion: string;
}

/** A loaded component: access and language defaulted. */
export interface ScenarioComponent
  extends Omit<ScenarioComponentFile, "versions" | "access" | "language" | "sailorVersion"> {
  readonly access: "team" | "tenant" | "global";
  readonly language: "nodejs" | "java";
  /** Oldest first; the last is the latest. */
  readonly versions: readonly ScenarioComponentVersion[];
}

/** A loaded flow version. */
export interface ScenarioFlowVersion {
  readonly id: string;
  readonly createdAt: string;
  readonly name: string;
  /** The version's graph; the flow's graph when the scenario gives none. */
  readonly graph: ScenarioFlow["graph"];
}

/** A loaded flow as the scenario declares it; its served state may differ after start, stop or a safeguard. */
export interface ScenarioFlow {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly workspaceId: string;
  readonly userId: string;
  readonly type: FlowType;
  readonly status: FlowStatus;
  readonly currentStatus: string;
  readonly cron: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastStartTime?: string;
  readonly dueExecution?: string;
  readonly statsEnabled: boolean;
  readonly hasDraft: boolean;
  readonly graph: {
    readonly nodes: readonly Readonly<Record<string, unknown>>[];
    readonly edges: readonly Readonly<Record<string, unknown>>[];
  };
  readonly nodesConfig: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly versions: readonly ScenarioFlowVersion[];
  readonly queueStats: readonly ScenarioQueueStatFile[];
  /** The causes the flow was built to show (tests only; never served). Empty for a healthy flow. */
  readonly expected: readonly ScenarioExpectationFile[];
}

/** One hit of `GET /v2/logs`, exactly as served (snake_case). */
export interface ScenarioLogEntry {
  readonly id: string;
  readonly workspace_id: string;
  readonly flow_id: string;
  readonly user_id: string;
  readonly component_id: string;
  readonly container_id: string;
  readonly step_id: string;
  readonly exec_id: string;
  readonly thread_id: string;
  readonly method: string;
  readonly api_username: string;
  readonly component_name: string;
  readonly timestamp: string;
  readonly level: number;
  readonly message: string;
}
