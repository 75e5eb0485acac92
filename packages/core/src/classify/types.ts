import type {
  ContainerExit,
  ContractStatus,
  CredentialVerification,
  FlowStatus,
  IsoDateTime,
  StepQueueStats,
  WorkspaceType,
} from "../model/platform.js";
import type { Cause, Level } from "../taxonomy/taxonomy.js";

/** Where a piece of evidence was found. */
export const EVIDENCE_SOURCES = [
  "message",
  "stack",
  "statusCode",
  "flowState",
  "workspace",
  "contract",
  "container",
  "queueStats",
  "credential",
  "stepFields",
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** One signal behind a classification: its name, where it was found, and the matched text or value. */
export interface Evidence {
  /** Stable signal name, e.g. `nodeNetworkCode`, `httpStatusInText`, `containerExitCode`. */
  readonly signal: string;
  readonly source: EvidenceSource;
  /** The matched text (at most 160 characters) or the value that fired, as text. */
  readonly value: string;
}

/** Queue limits of the step when support raised them; defaults come from `PLATFORM_LIMITS`. */
export interface QueueLimits {
  /** @default PLATFORM_LIMITS.queueMessages (75,000) */
  readonly messages?: number;
  /** @default PLATFORM_LIMITS.queueBytes (200 MB) */
  readonly bytes?: number;
}

/** The names of a step's configuration fields and of the fields its mapper sets (`stepFieldsOf`). */
export interface StepFields {
  readonly configuration?: readonly string[];
  readonly mapped?: readonly string[];
}

/** Facts about the flow, step and contract around one error. Every field is optional; wrong types are ignored. */
export interface ErrorContext {
  /** The flow's desired state (`status`). */
  readonly flowStatus?: FlowStatus;
  /** The flow's observed state (`current_status`). */
  readonly flowCurrentStatus?: FlowStatus | (string & {});
  readonly workspaceType?: WorkspaceType;
  readonly contractStatus?: ContractStatus;
  /** How the step's container ended, from the Containers page. */
  readonly containerExit?: ContainerExit;
  /** The queue in front of the failing step. */
  readonly queueStats?: StepQueueStats;
  readonly queueLimits?: QueueLimits;
  /** The flow's `last_start_time`; with `now` it drives the limited-workspace 8 h rule. */
  readonly lastStartTime?: IsoDateTime;
  /** The time of the diagnosis (ISO); the classifier never reads the clock itself. */
  readonly now?: IsoDateTime;
  /** The result of verifying the step's credential, when known. */
  readonly credentialVerification?: CredentialVerification;
  /**
   * The failing step's configuration field names (the flow node's `fields`) and the message fields its mapper
   * sets: an error that names one of them tells a configuration mistake (COMPONENT_ERROR) from wrong data (MAPPING),
   * which the text alone cannot ("openApiUrl is required" reads like "email is required").
   */
  readonly stepFields?: StepFields;
  /** Whether the error is the platform's answer at a flow's webhook (decides what a 429 means). */
  readonly webhook?: boolean;
}

/**
 * One error to classify. `message` accepts anything: strings are used as they are; Buffers are decoded as UTF-8;
 * Error-like objects give their `message` and `code`; other objects are read as JSON; null and undefined are empty.
 */
export interface ErrorInput {
  readonly message: unknown;
  readonly stack?: unknown;
  /** An HTTP status the caller knows for sure (e.g. `err.code` of the REST API component). */
  readonly statusCode?: number;
  readonly componentName?: string;
  readonly context?: ErrorContext;
}

/** The verdict on one error: the taxonomy's cause with its level, remedy and link, and the evidence behind it. */
export interface Classification {
  readonly level: Level;
  readonly cause: Cause;
  /**
   * 0..1, calibrated: the share of such answers that were right on the corpus's development part (cross-validated;
   * `src/classify/learned/`). For UNKNOWN, the chance that no cause applies; 0 when there was nothing to read.
   */
  readonly confidence: number;
  /** The signals that support `cause`, strongest first; for UNKNOWN, why nothing matched. */
  readonly evidence: readonly Evidence[];
  readonly title: string;
  readonly remedy: string;
  readonly docsUrl: string;
  readonly retryable: boolean;
}
