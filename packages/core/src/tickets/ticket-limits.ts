import type { ScreenshotMediaType, TicketDraft } from "./ticket.js";

/** Every field a ticket may have, in the order of the troubleshooting guide's "info the team requires". */
export const TICKET_FIELDS = [
  "title",
  "description",
  "contractId",
  "workspaceId",
  "flowId",
  "involvesFlow",
  "flowVersion",
  "otherIds",
  "stepsToReproduce",
  "reproducible",
  "screenshots",
  "logs",
  "errorText",
  "firstObservedAt",
  "docsChecked",
  "docsConsulted",
  "timeline",
  "errorReport",
  "priority",
  "neededBy",
  "isBlocker",
  "blockerImpact",
  "deadline",
  "supportAccessGranted",
  "troubleshootingLevel",
  "cause",
  "stuckMessageEvidence",
] as const satisfies readonly (keyof TicketDraft)[];
/** The name of a ticket field. */
export type TicketField = (typeof TICKET_FIELDS)[number];

/** The fields of `otherIds`. */
export const TICKET_OTHER_ID_FIELDS = [
  "executionId",
  "threadId",
  "stepId",
  "credentialId",
  "componentId",
  "containerId",
] as const;

/** Media types a screenshot may have. */
export const SCREENSHOT_MEDIA_TYPES: readonly ScreenshotMediaType[] = ["image/png", "image/jpeg"];

/** Size and time limits a ticket is validated against. Lengths count UTF-16 code units (`string.length`). */
export const TICKET_LIMITS = {
  titleMaxLength: 120,
  /** A description shorter than this, or with fewer words, is not "as much information as possible". */
  descriptionMinLength: 40,
  descriptionMinWords: 6,
  descriptionMaxLength: 20_000,
  /** Step ids, execution ids and other single tokens. */
  idMaxLength: 200,
  stepsToReproduceMaxItems: 50,
  stepMaxLength: 2_000,
  /** 1 MB of log text; bigger logs belong in an attachment the gateway stores. */
  logsMaxLength: 1_000_000,
  errorTextMaxLength: 50_000,
  docsConsultedMaxItems: 20,
  docPageMaxLength: 500,
  timelineMaxEntries: 100,
  timelineEventMaxLength: 2_000,
  errorReportMaxLength: 50_000,
  blockerImpactMinLength: 10,
  blockerImpactMaxLength: 5_000,
  screenshotsMaxItems: 10,
  screenshotNameMaxLength: 255,
  screenshotRefMaxLength: 2_000,
  /** 10 MB per screenshot. */
  screenshotMaxBytes: 10 * 1024 * 1024,
  /** Steps in the stuck-message evidence. */
  evidenceMaxSteps: 200,
  /** How far in the future a time may be before it counts as "in the future" (clock skew), in ms. */
  clockSkewMs: 5 * 60 * 1000,
  /** Times older than this are rejected as typing mistakes (two years). */
  maxAgeDays: 730,
  /** The renderer keeps at most this many characters of the log file. */
  renderedLogMaxChars: 20_000,
} as const;

/** The documentation pages the platform recommends checking before writing to support (§5.3). */
export const RECOMMENDED_DOCS = [
  "Platform Behavior",
  "Managing Flow Errors",
  "Understanding Sample errors",
  "Error Retry and Retention Policy",
  "Custom Error Handler",
  "Update all components",
] as const;
