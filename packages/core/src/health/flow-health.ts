import type { IsoDateTime, ObjectId } from "../model/platform.js";

export const FLOW_HEALTH_STATUSES = [
  "STUCK_CONSUMER",
  "MISSED_RUN",
  "INTAKE_STOPPED",
  "WENT_QUIET",
  "VOLUME_DROPPED",
  "OK",
  "NOT_RUNNING",
  "TOO_LITTLE_HISTORY",
] as const;
/**
 * STUCK_CONSUMER: a step's queue holds messages its upstream sent while the step logs nothing; MISSED_RUN: a
 * scheduled run did not happen; INTAKE_STOPPED: a webhook flow stopped receiving; WENT_QUIET: another flow stopped
 * against its own rhythm; VOLUME_DROPPED: it still runs, at a fraction of what every comparable day held in the same
 * hours; OK: as its baseline expects; NOT_RUNNING: stopped or suspended (the diagnosis' business);
 * TOO_LITTLE_HISTORY: not enough days to know its rhythm.
 */
export type FlowHealthStatus = (typeof FLOW_HEALTH_STATUSES)[number];

/** How a flow's normal rhythm was learnt. */
export type BaselineKind = "SCHEDULE" | "RHYTHM";

/** One flow's activity against its own baseline. */
export interface FlowHealth {
  readonly flowId: ObjectId;
  readonly flowName: string;
  readonly status: FlowHealthStatus;
  /** Whether the status is a problem to look at. */
  readonly flagged: boolean;
  readonly baseline: BaselineKind;
  /** Days of history the baseline stands on. */
  readonly baselineDays: number;
  /** Messages (or scheduled runs) the baseline expects since `since`. */
  readonly expected: number;
  /** Messages (or runs) seen since `since`. */
  readonly seen: number;
  /** Since when the flow (or step) has been silent, or the first missed run. */
  readonly since?: IsoDateTime;
  /** The step of a stuck consumer. */
  readonly stepId?: string;
  /** How sure, from 0 to 1. */
  readonly confidence: number;
  /** One sentence. */
  readonly summary: string;
}
