import type { Cause, VerdictStatus } from "@flowdoctor/sdk";

/** A flow the cycle diagnosed. */
export interface DiagnosedFlow {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly flowName: string;
  readonly status: VerdictStatus;
  /** Null when the flow was found healthy. */
  readonly cause: Cause | null;
  readonly summary: string;
  /** The new groups that led to the diagnosis. */
  readonly fingerprints: readonly string[];
}

/** A ticket draft the cycle opened; never submitted. */
export interface OpenedDraft {
  readonly flowId: string;
  readonly fingerprints: readonly string[];
  /** The draft as the diagnosis filled it in (secrets redacted by the gateway). */
  readonly draft: unknown;
  /** Fields only a person can fill in before the draft can be submitted. */
  readonly missingFields: readonly string[];
  /** Where the draft lives: the gateway's ticket id, when the sink stored it there. */
  readonly ticketId: string | undefined;
  /** CREATED, or ADDED_TO_OPEN / REOPENED when the gateway answered the problem's open ticket instead. */
  readonly outcome?: "CREATED" | "ADDED_TO_OPEN" | "REOPENED";
}

/** Something the cycle could not do; the rest of the cycle went on. */
export interface WatchFailure {
  readonly step: "workspaces" | "errorGroups" | "diagnoseFlow" | "openDraft";
  readonly workspaceId?: string;
  readonly flowId?: string;
  readonly code: string;
  readonly message: string;
}

/** What one cycle saw and did. */
export interface WatchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly workspaces: number;
  /** Groups with errors newer than the previous cycle saw. */
  readonly newGroups: number;
  /** Of those, the ones with platform-level or unknown causes. */
  readonly selectedGroups: number;
  readonly diagnosed: readonly DiagnosedFlow[];
  readonly drafts: readonly OpenedDraft[];
  readonly failures: readonly WatchFailure[];
}
