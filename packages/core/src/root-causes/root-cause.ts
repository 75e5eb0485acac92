import type { ChangeBehind } from "../changes/change-behind.js";
import type { IsoDateTime, ObjectId } from "../model/platform.js";
import type { Cause } from "../taxonomy/taxonomy.js";

export const ROOT_CAUSE_KINDS = ["CREDENTIAL", "EXTERNAL_HOST", "COMPONENT_VERSION", "CAUSE"] as const;
/** What the failing flows of one root cause share. */
export type RootCauseKind = (typeof ROOT_CAUSE_KINDS)[number];

/** One failing step of a flow a root cause explains. */
export interface AffectedStep {
  readonly stepId: string;
  readonly cause: Cause;
  /** The latest error message, as logged (redacted by the caller's log reader). */
  readonly message: string;
  readonly errorCount: number;
  readonly failedExecutions: number;
  readonly firstSeen: IsoDateTime;
  readonly lastSeen: IsoDateTime;
  /** What changed in the flow before this step began failing; absent when versions were not read. */
  readonly change?: ChangeBehind;
}

/** One flow a root cause breaks. */
export interface AffectedFlow {
  readonly flowId: ObjectId;
  readonly flowName: string;
  /** The flow's workspace: a contract's root causes span several. */
  readonly workspaceId: ObjectId;
  readonly steps: readonly AffectedStep[];
}

/** A flow that shares what the root cause is about (the credential, host, component version) and does not fail. */
export interface SharingFlow {
  readonly flowId: ObjectId;
  readonly flowName: string;
  readonly workspaceId: ObjectId;
  readonly stepIds: readonly string[];
}

/** What fixing a root cause would fix. */
export interface RootCauseFix {
  readonly flows: number;
  readonly steps: number;
  readonly failedExecutions: number;
  readonly summary: string;
}

/** One cause behind the failures of one or many flows, with its evidence. */
export interface RootCause {
  readonly kind: RootCauseKind;
  /** What is shared: a credential id, a host name, `componentId@version`, or a cause code. */
  readonly key: string;
  /** The shared thing in words, e.g. `credential "ERP REST" (…)`, `host shop.partner.example`. */
  readonly label: string;
  /** The cause most of its failing steps were classified as. */
  readonly cause: Cause;
  readonly confidence: number;
  readonly flows: readonly AffectedFlow[];
  /** Flows that use the same credential, host or component version and do not fail. */
  readonly healthyAlsoUsing: readonly SharingFlow[];
  readonly evidence: readonly string[];
  readonly fix: RootCauseFix;
  readonly firstSeen: IsoDateTime;
  readonly lastSeen: IsoDateTime;
  /** One sentence. */
  readonly summary: string;
}
