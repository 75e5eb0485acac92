/**
 * The troubleshooting taxonomy (`docs/troubleshooting-taxonomy.md`): levels and cause codes.
 * Codes are stable API shared by every package: add, never rename.
 */

export const LEVELS = ["INTEGRATION_LOGIC", "COMPONENT_RUNTIME", "PLATFORM", "UNCLASSIFIED"] as const;
export type Level = (typeof LEVELS)[number];

export const CAUSES = [
  "SYSTEM_DOWNTIME",
  "INVALID_CREDENTIALS",
  "RATE_LIMITED",
  "MAPPING",
  "ANSWER_STRUCTURE",
  "REBOUND_EXHAUSTED",
  "COMPONENT_ERROR",
  "COMPONENT_FAILED_TO_START",
  "OUT_OF_MEMORY",
  "MESSAGE_TOO_LARGE",
  "QUEUE_OVERFLOW",
  "FLOW_SUSPENDED",
  "LIMITED_WORKSPACE_STOPPED",
  "CONTRACT_SUSPENDED",
  "QUOTA_EXCEEDED",
  "MESSAGING_FAILURE",
  "UNKNOWN",
] as const;
export type Cause = (typeof CAUSES)[number];

/** What the taxonomy says about one cause. */
export interface CauseInfo {
  readonly cause: Cause;
  readonly level: Level;
  /** One line a person understands. */
  readonly title: string;
  /** The first remedy, in the guide's words where it has them. */
  readonly remedy: string;
  /** The platform documentation page that explains it. */
  readonly docsUrl: string;
  /** Whether retrying the same message can succeed once the cause is gone. */
  readonly retryable: boolean;
}

const DOCS = "https://docs.elastic.io";
const GUIDE = `${DOCS}/guides/general-troubleshooting-guide.html`;
const BEHAVIOR = `${DOCS}/guides/platform-behavior.html`;

const info = (
  cause: Cause,
  level: Level,
  title: string,
  remedy: string,
  docsUrl: string,
  retryable: boolean,
): CauseInfo => ({ cause, level, title, remedy, docsUrl, retryable });

export const CAUSE_INFO: { readonly [C in Cause]: CauseInfo } = {
  SYSTEM_DOWNTIME: info(
    "SYSTEM_DOWNTIME",
    "INTEGRATION_LOGIC",
    "The external system is unreachable, slow or failing",
    "Check the external system's status, enable rebound or retry in the step, and retry the failed messages once it is back.",
    `${DOCS}/developers/error-retry.html`,
    true,
  ),
  INVALID_CREDENTIALS: info(
    "INVALID_CREDENTIALS",
    "INTEGRATION_LOGIC",
    "The external system rejects the credentials",
    "Re-enter or refresh the credential, verify it, and check the system's IP allow-list.",
    `${DOCS}/guides/credential.html`,
    true,
  ),
  RATE_LIMITED: info(
    "RATE_LIMITED",
    "INTEGRATION_LOGIC",
    "The external system throttles the requests",
    "Slow the step down (smaller batches, fewer parallel requests) and use rebound.",
    `${DOCS}/developers/error-retry.html`,
    true,
  ),
  MAPPING: info(
    "MAPPING",
    "INTEGRATION_LOGIC",
    "The data sent is wrong: mapping or missing required values",
    "Compare the mapper with the current sample, fix the mapping, then edit the message and retry.",
    `${DOCS}/guides/mapping-data.html`,
    false,
  ),
  ANSWER_STRUCTURE: info(
    "ANSWER_STRUCTURE",
    "INTEGRATION_LOGIC",
    "The data received is not what the step expects",
    "Refresh the sample and compare the system's answer with the sample used for mapping.",
    `${DOCS}/guides/understanding-sample-errors.html`,
    false,
  ),
  REBOUND_EXHAUSTED: info(
    "REBOUND_EXHAUSTED",
    "INTEGRATION_LOGIC",
    "The step kept rebounding until the platform gave up",
    "Fix the underlying dependency or downtime, then retry the failed messages.",
    `${DOCS}/developers/error-retry.html`,
    true,
  ),
  COMPONENT_ERROR: info(
    "COMPONENT_ERROR",
    "COMPONENT_RUNTIME",
    "The component's code or configuration failed",
    "Read the component logs, then fix the code or ask the component's developer.",
    `${DOCS}/guides/managing-flow-errors.html`,
    false,
  ),
  COMPONENT_FAILED_TO_START: info(
    "COMPONENT_FAILED_TO_START",
    "PLATFORM",
    "The component's container could not start",
    "It usually recovers by itself; if it keeps happening, file a support ticket.",
    `${BEHAVIOR}#component-failed-to-start`,
    true,
  ),
  OUT_OF_MEMORY: info(
    "OUT_OF_MEMORY",
    "PLATFORM",
    "The container ran out of memory and was killed",
    "Process less data per message, disable passthrough, then raise EIO_REQUIRED_RAM_MB step by step (2048, at most about 4096).",
    `${BEHAVIOR}#component-run-out-of-memory`,
    true,
  ),
  MESSAGE_TOO_LARGE: info(
    "MESSAGE_TOO_LARGE",
    "PLATFORM",
    "A message exceeded a size limit",
    "Split or shrink the payload, disable passthrough, or use attachments.",
    `${DOCS}/developers/attachments-limitations.html`,
    false,
  ),
  QUEUE_OVERFLOW: info(
    "QUEUE_OVERFLOW",
    "PLATFORM",
    "A step's queue reached its message-count or size limit",
    "Speed up the slow step (parallel processing, prefetch), upgrade the runtime library, or ask support for higher limits.",
    `${BEHAVIOR}#messaging-queue-limits`,
    true,
  ),
  FLOW_SUSPENDED: info(
    "FLOW_SUSPENDED",
    "PLATFORM",
    "The flow is suspended",
    "Resume the flow, or find the safeguard that suspended it.",
    `${GUIDE}#platform-issues`,
    true,
  ),
  LIMITED_WORKSPACE_STOPPED: info(
    "LIMITED_WORKSPACE_STOPPED",
    "PLATFORM",
    "The platform stopped the flow after the limited workspace's time limit",
    "Restart the flow, or move it to a full workspace for production use.",
    `${BEHAVIOR}#flows-in-limited-workspaces`,
    true,
  ),
  CONTRACT_SUSPENDED: info(
    "CONTRACT_SUSPENDED",
    "PLATFORM",
    "The whole contract is suspended",
    "Contact support.",
    `${DOCS}/admin/support-availability.html`,
    false,
  ),
  QUOTA_EXCEEDED: info(
    "QUOTA_EXCEEDED",
    "PLATFORM",
    "A platform quota or rate limit was reached",
    "Reduce usage or ask for a higher quota.",
    `${DOCS}/guides/managing-limit-quotas.html`,
    true,
  ),
  MESSAGING_FAILURE: info(
    "MESSAGING_FAILURE",
    "PLATFORM",
    "The platform's message transport (RabbitMQ) failed",
    "File a support ticket at once with the exact timeline, and check for lost messages.",
    `${BEHAVIOR}#platform-side-component-problems`,
    true,
  ),
  UNKNOWN: info(
    "UNKNOWN",
    "UNCLASSIFIED",
    "No known cause matched",
    "Go through the flow step by step; if it still fails, file a support ticket.",
    GUIDE,
    false,
  ),
};

/** Whether a value is one of the taxonomy's cause codes. */
export const isCause = (value: unknown): value is Cause =>
  typeof value === "string" && (CAUSES as readonly string[]).includes(value);

/** Whether a value is one of the taxonomy's level codes. */
export const isLevel = (value: unknown): value is Level =>
  typeof value === "string" && (LEVELS as readonly string[]).includes(value);
