import type { LogEntry } from "../model/log-entry.js";
import type {
  Component,
  Contract,
  CredentialVerification,
  DataSample,
  Flow,
  FlowQueueStats,
  FlowVersion,
  IsoDateTime,
  ObjectId,
  Workspace,
} from "../model/platform.js";

/** What a live probe of a step's external endpoint found. */
export type EndpointProbe =
  | { readonly reachable: true; readonly status: number; readonly latencyMs: number }
  | { readonly reachable: false; readonly reason: string }
  /** The probe was not made, e.g. a private address the operator did not allow. */
  | { readonly refused: true; readonly reason: string };

/**
 * Where the diagnosis engine gets its facts. The gateway implements it with the platform client (and its loaders);
 * tests implement it over hand-made data. Optional methods are checks the caller opted into.
 */
export interface DiagnosisPort {
  flow(flowId: ObjectId): Promise<Flow>;
  workspace(workspaceId: ObjectId): Promise<Workspace>;
  contract(contractId: ObjectId): Promise<Contract>;
  /** Every log entry of the flow in the window (all levels the platform keeps), in any order. */
  logs(query: {
    readonly flowId: ObjectId;
    readonly workspaceId: ObjectId;
    readonly from: IsoDateTime;
    readonly to: IsoDateTime;
  }): Promise<readonly LogEntry[]>;
  queueStats(flowId: ObjectId): Promise<FlowQueueStats>;
  dataSample(sampleId: ObjectId): Promise<DataSample>;
  component?(componentId: ObjectId): Promise<Component>;
  /** The flow's published versions, oldest first; lets the diagnosis name the change behind a problem. */
  flowVersions?(flowId: ObjectId): Promise<readonly FlowVersion[]>;
  /** Runs the platform's verify-credential execution for a credential (calls the external system). */
  verifyCredential?(credentialId: ObjectId): Promise<CredentialVerification>;
  /** Probes a step's external endpoint; must refuse loopback, private and link-local addresses unless allowed. */
  probeEndpoint?(url: string): Promise<EndpointProbe>;
}
