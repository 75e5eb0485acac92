import type { IsoDateTime, Sha } from "../model/platform.js";

export const FLOW_CHANGE_KINDS = [
  "STEP_ADDED",
  "STEP_REMOVED",
  "COMPONENT_CHANGED",
  "FUNCTION_CHANGED",
  "COMPONENT_VERSION_CHANGED",
  "CREDENTIAL_CHANGED",
  "MAPPER_CHANGED",
  "CONDITION_CHANGED",
  "CONFIGURATION_CHANGED",
  "ROUTE_CHANGED",
] as const;
/** What kind of edit one change of a flow version is. */
export type FlowChangeKind = (typeof FLOW_CHANGE_KINDS)[number];

/** One edit between two versions of a flow, at one step. */
export interface FlowChange {
  readonly kind: FlowChangeKind;
  /** The step the change is at; for a mapper or condition, the step the edge leads into. */
  readonly stepId: string;
  /** Where inside the step: `fields.url`, `mapper.customer.vat`, `command`; absent for a whole step. */
  readonly path?: string;
  /** The old value as short, redacted text; absent when the value was added. */
  readonly before?: string;
  /** The new value as short, redacted text; absent when the value was removed. */
  readonly after?: string;
  /** Mapper changes: message paths the new expression reads that the old did not, as `$.a.b`. */
  readonly addedReads?: readonly string[];
  /** Mapper changes: message paths the old expression read that the new does not. */
  readonly removedReads?: readonly string[];
  /** One plain sentence. */
  readonly summary: string;
}

/** A flow version as the change finder needs it: its id, place in the history, and time. */
export interface VersionRef {
  readonly id: Sha;
  /** 1 for the oldest version the platform lists. */
  readonly number: number;
  readonly createdAt: IsoDateTime;
}
