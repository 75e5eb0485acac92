/**
 * The support ticket (`docs/elasticio-platform.md` §5.3): what support needs, in the order the troubleshooting
 * guide asks for it. A {@link TicketDraft} may be incomplete; a {@link Ticket} has everything the guide requires.
 */
import type { IsoDateTime, ObjectId, Sha, StepQueueStats } from "../model/platform.js";
import type { Cause, Level } from "../taxonomy/taxonomy.js";
import type { TicketPriority } from "./ticket-priority.js";

/** Which flow version the ticket is about: a version hash, the latest version, or the draft being edited. */
export type FlowVersionRef = Sha | "latest" | "draft";

/** Further ids that help support find the failing run; all are visible in the app's URLs. */
export interface TicketOtherIds {
  /** The step container run (`exec_id` in logs, `EXEC_ID` in error e-mails). */
  readonly executionId?: string;
  /** The execution a message belongs to (UUID or trace id). */
  readonly threadId?: string;
  /** A step of the flow, e.g. `step_2`. */
  readonly stepId?: string;
  readonly credentialId?: ObjectId;
  readonly componentId?: ObjectId;
  readonly containerId?: string;
}

/** One event of the exact timeline the guide asks for when an issue is not easy to reproduce. */
export interface TimelineEntry {
  /** When it happened: ISO-8601 with a time zone (`Z` or `±hh:mm`). */
  readonly at: IsoDateTime;
  readonly event: string;
}

/** Where the error report came from: the app's UI, or a platform e-mail (§4.14). */
export type ErrorReportSource = "ui" | "email";

/** The error report from the UI or an e-mail, quoted as text (e.g. the error e-mail's subject and body). */
export interface ErrorReport {
  readonly source: ErrorReportSource;
  readonly text: string;
  readonly receivedAt?: IsoDateTime;
}

/** Image media types accepted for screenshots. */
export type ScreenshotMediaType = "image/png" | "image/jpeg";

/** A screenshot attached to the ticket. Only the reference lives here; the bytes are stored elsewhere. */
export interface ScreenshotRef {
  /** The file name shown to support, e.g. `errors-tab.png`. */
  readonly name: string;
  readonly mediaType: ScreenshotMediaType;
  readonly sizeBytes: number;
  /** Where the bytes are kept (a storage key or URL), when the store has assigned one. */
  readonly ref?: string;
}

/** What the guide's stuck-message checklist collects: is the flow suspended, which steps log, which containers run. */
export interface StuckMessageEvidence {
  readonly flowSuspended: boolean;
  /** The time of the newest log line per step id. */
  readonly lastLogAtPerStep: Readonly<Record<string, IsoDateTime>>;
  /** Whether each step's container is running, per step id. */
  readonly containersRunning: Readonly<Record<string, boolean>>;
  readonly queueStats?: readonly StepQueueStats[];
}

/**
 * A ticket being written: every field optional. `null` and blank strings count as "not given" in validation.
 * See {@link Ticket} for what a submission requires.
 */
export interface TicketDraft {
  /** A short title, not the description (at most `TICKET_LIMITS.titleMaxLength` characters, one line). */
  readonly title?: string;
  /** As much detail as possible: expected versus actual behaviour. */
  readonly description?: string;
  readonly contractId?: ObjectId;
  readonly workspaceId?: ObjectId;
  readonly flowId?: ObjectId;
  /**
   * Whether a flow is involved, which makes `flowId` required. When not given it is inferred
   * (see `ticketInvolvesFlow`).
   */
  readonly involvesFlow?: boolean;
  readonly flowVersion?: FlowVersionRef;
  readonly otherIds?: TicketOtherIds;
  /** The minimum steps to reproduce the issue on support's side. */
  readonly stepsToReproduce?: readonly string[];
  /** `false` means "not easy to reproduce": the timeline becomes required. */
  readonly reproducible?: boolean;
  readonly screenshots?: readonly ScreenshotRef[];
  /** The log file as text, never a screenshot of logs. */
  readonly logs?: string;
  /** The error text, never a screenshot of it. */
  readonly errorText?: string;
  /** When the error was first observed: ISO-8601 with a time zone. */
  readonly firstObservedAt?: IsoDateTime;
  /** Whether the documentation was checked and the solution was not found or not clear. */
  readonly docsChecked?: boolean;
  /** The documentation pages consulted (titles or URLs). */
  readonly docsConsulted?: readonly string[];
  /** The exact timeline, including the incident time (an entry at `firstObservedAt`). */
  readonly timeline?: readonly TimelineEntry[];
  readonly errorReport?: ErrorReport;
  readonly priority?: TicketPriority;
  /** When a solution is needed at the latest. */
  readonly neededBy?: IsoDateTime;
  readonly isBlocker?: boolean;
  /** How the issue blocks the reporter's work; required for blockers. */
  readonly blockerImpact?: string;
  /** The deadline for a solution or a workaround; required for blockers. */
  readonly deadline?: IsoDateTime;
  /** Whether support access to the workspace has been granted (speeds up the investigation). */
  readonly supportAccessGranted?: boolean;
  /** The guide's level the diagnosis arrived at. */
  readonly troubleshootingLevel?: Level;
  /** The taxonomy's cause the diagnosis arrived at. */
  readonly cause?: Cause;
  readonly stuckMessageEvidence?: StuckMessageEvidence;
}

/** A ticket ready for submission: the fields the guide always requires are present. */
export interface Ticket extends TicketDraft {
  readonly title: string;
  readonly description: string;
  readonly contractId: ObjectId;
  readonly workspaceId: ObjectId;
  readonly firstObservedAt: IsoDateTime;
  readonly docsChecked: boolean;
  readonly priority: TicketPriority;
  readonly isBlocker: boolean;
}
