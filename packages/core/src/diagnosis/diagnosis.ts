import type { ChangeBehind } from "../changes/change-behind.js";
import type { IsoDateTime, ObjectId, StepQueueStats } from "../model/platform.js";
import type { Cause, Level } from "../taxonomy/taxonomy.js";
import type { MissingTicketField } from "../tickets/missing-for-submission.js";
import type { TicketDraft } from "../tickets/ticket.js";

/** The checks of the runbook, in the troubleshooting guide's order. */
export const CHECK_NAMES = [
  "errors",
  "downtime",
  "credentials",
  "mapping",
  "walkthrough",
  "component",
  "platform",
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const CHECK_STATUSES = ["PASS", "WARN", "FAIL", "SKIPPED", "ERROR"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** One fact behind a finding: the signal, where it was seen, and the value or text. */
export interface FindingEvidence {
  readonly signal: string;
  readonly source: string;
  readonly value: string;
}

/** What one check found. A check that finds nothing wrong reports one PASS finding. */
export interface Finding {
  readonly check: CheckName;
  readonly status: CheckStatus;
  readonly level: Level;
  readonly cause: Cause;
  readonly title: string;
  readonly detail: string;
  readonly stepId?: string;
  readonly confidence: number;
  readonly evidence: readonly FindingEvidence[];
  readonly remedy: string;
  readonly docsUrl: string;
  /** For a problem seen in the logs: when the step worked again, if every run since has passed it. */
  readonly recoveredAt?: IsoDateTime;
}

export const STEP_STATES = ["SUCCEEDED", "FAILED", "STUCK", "NOT_REACHED", "IDLE"] as const;
/** IDLE: the step logged nothing in the window and nothing waits for it. */
export type StepState = (typeof STEP_STATES)[number];

/** One step of the manual go-through. */
export interface StepWalk {
  readonly stepId: string;
  readonly name: string;
  readonly command: string;
  /** The state in the most recent failing execution (or over the window when no execution failed). */
  readonly state: StepState;
  readonly lastLogAt?: IsoDateTime;
  readonly firstError?: { readonly at: IsoDateTime; readonly message: string };
  /** Over the window: executions that reached the step, and those in which it logged an error. */
  readonly executionsReached: number;
  readonly executionsFailed: number;
  readonly queue?: StepQueueStats;
}

export interface WalkThrough {
  /** The execution walked: the most recent one with an error, when there is one. */
  readonly executionId?: string;
  readonly steps: readonly StepWalk[];
  /** The first step, in execution order, that breaks. */
  readonly firstFailingStepId?: string;
}

/** How one check of the runbook ran. */
export interface CheckRun {
  readonly check: CheckName;
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** Why it could not run (ERROR) or was skipped (SKIPPED). */
  readonly note?: string;
}

/**
 * HEALTHY: nothing wrong (at most one transient error that later runs got past); UNCHECKED: no problem found, but the
 * flow's error logs could not be read, so nothing is known either way; RECOVERED: a problem of the window ended and
 * every run since has passed; DEGRADED: warnings only; FAILING: at least one FAIL.
 */
export type VerdictStatus = "HEALTHY" | "UNCHECKED" | "RECOVERED" | "DEGRADED" | "FAILING";

export interface Verdict {
  readonly status: VerdictStatus;
  /** The level of the problem; null when healthy or unchecked. */
  readonly level: Level | null;
  /**
   * The problem's cause (for RECOVERED: the one that ended); null when healthy or unchecked. UNKNOWN: failing for a
   * reason not named.
   */
  readonly cause: Cause | null;
  readonly confidence: number;
  readonly stepId?: string;
  /** RECOVERED: when the last failing step worked again. */
  readonly recoveredAt?: IsoDateTime;
  /** What changed in the flow before the problem began (or that nothing did); absent when healthy or unknown. */
  readonly change?: ChangeBehind;
  /** One plain sentence. */
  readonly summary: string;
}

export interface Escalation {
  readonly recommended: boolean;
  readonly reason: string;
}

/** One problem of the flow in the window, grouped across executions and classified. */
export interface DiagnosedErrorGroup {
  readonly fingerprint: string;
  readonly stepId?: string;
  /** The latest message of the group, as logged. */
  readonly message: string;
  readonly count: number;
  readonly executionCount: number;
  readonly firstSeen: IsoDateTime;
  readonly lastSeen: IsoDateTime;
  readonly level: Level;
  readonly cause: Cause;
  readonly confidence: number;
  /** What changed in the flow before the group first appeared (or that nothing did); absent when versions are unknown. */
  readonly change?: ChangeBehind;
}

/** A support ticket pre-filled from the diagnosis, and what only a person can still add. */
export interface DiagnosisTicket {
  readonly draft: TicketDraft;
  readonly missing: readonly MissingTicketField[];
}

export interface Diagnosis {
  readonly flowId: ObjectId;
  readonly flowName: string;
  readonly workspaceId: ObjectId;
  readonly contractId?: ObjectId;
  readonly window: { readonly from: IsoDateTime; readonly to: IsoDateTime };
  readonly verdict: Verdict;
  /** Worst first: FAIL, WARN, ERROR, SKIPPED, PASS; then by confidence. */
  readonly findings: readonly Finding[];
  /** The flow's error groups in the window, latest first. */
  readonly errorGroups: readonly DiagnosedErrorGroup[];
  readonly walkthrough: WalkThrough;
  readonly checks: readonly CheckRun[];
  /** What to do, in order. */
  readonly nextActions: readonly string[];
  readonly escalation: Escalation;
  readonly ticket: DiagnosisTicket;
}
