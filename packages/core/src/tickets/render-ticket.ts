import { CoreError } from "../errors.js";
import { CAUSE_INFO, type Cause, type Level } from "../taxonomy/taxonomy.js";
import { ticketAppPath } from "./app-url.js";
import { fencedBlock, formatBytes, trimLog } from "./render-blocks.js";
import type {
  ErrorReport,
  ScreenshotRef,
  StuckMessageEvidence,
  TicketDraft,
  TimelineEntry,
} from "./ticket.js";
import { TICKET_LIMITS } from "./ticket-limits.js";
import { TICKET_PRIORITY_INFO } from "./ticket-priority.js";
import { parseZonedDateTime } from "./zoned-date-time.js";

/** Options of {@link renderTicket}. */
export interface RenderTicketOptions {
  /**
   * The app's base URL (e.g. `https://app.elastic.io`), put before the flow's path `/c/…/w/…/designer/…`.
   * @default "" (the path alone)
   */
  readonly appUrl?: string;
  /**
   * How many characters of the log file to show; the rest is left out with a note.
   * @default TICKET_LIMITS.renderedLogMaxChars
   */
  readonly logMaxChars?: number;
}

const NOT_GIVEN = "Not given.";

/**
 * The Markdown message support receives, sections in the order of the troubleshooting guide: title; description
 * with the ids, the app link, screenshots, log file, error text, first-observed time and documentation checked;
 * timeline with the error report; priority; blocker and deadline; then the diagnosis, when there is one.
 * Parts the guide asks for show "Not given." when missing; optional parts are left out. The output depends only on
 * the input (no clock, no locale). Expects a validated ticket (draft or submission); it does not re-validate, but
 * reads `null` and blank text as "not given", as validation does.
 *
 * @throws CoreError `CORE_INVALID_INPUT` when the ticket is not an object or an option is invalid.
 */
export const renderTicket = (input: TicketDraft, options: RenderTicketOptions = {}): string => {
  const { appUrl, logMaxChars } = checkOptions(options);
  const ticket = withoutBlanks(input);
  const sections = [
    [`# ${ticket.title?.replace(/\s+/g, " ").trim() || "(no title)"}`],
    descriptionSection(ticket, appUrl),
    evidenceSection(ticket, logMaxChars),
    timelineSection(ticket),
    prioritySection(ticket),
    blockerSection(ticket),
    diagnosisSection(ticket),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join("\n"))
    .join("\n\n")}\n`;
};

const checkOptions = (options: RenderTicketOptions): { appUrl: string; logMaxChars: number } => {
  const { appUrl = "", logMaxChars = TICKET_LIMITS.renderedLogMaxChars } = options;
  if (typeof appUrl !== "string") {
    throw new CoreError("CORE_INVALID_INPUT", "renderTicket: options.appUrl must be a string.");
  }
  if (!Number.isSafeInteger(logMaxChars) || logMaxChars < 1) {
    throw new CoreError(
      "CORE_INVALID_INPUT",
      "renderTicket: options.logMaxChars must be a whole number of at least 1.",
    );
  }
  return { appUrl, logMaxChars };
};

// Validation reads null and blank text as "not given"; so must the renderer, or it would print "null".
const withoutBlanks = (ticket: TicketDraft): TicketDraft => {
  if (typeof ticket !== "object" || ticket === null) {
    throw new CoreError("CORE_INVALID_INPUT", "renderTicket: ticket must be an object.");
  }
  const given = Object.entries(ticket).filter(
    ([, value]) =>
      value !== null && value !== undefined && !(typeof value === "string" && value.trim() === ""),
  );
  return Object.fromEntries(given) as TicketDraft;
};

/** A list item whose continuation lines are indented, so multi-line text stays inside the item. */
const listItem = (marker: string, text: string): string =>
  `${marker} ${text.trim().replace(/\r?\n/g, `\n${" ".repeat(marker.length + 1)}`)}`;

const yesNo = (value: boolean | undefined, yes = "Yes", no = "No"): string => {
  if (value === undefined) return NOT_GIVEN;
  return value ? yes : no;
};

const descriptionSection = (ticket: TicketDraft, appUrl: string): string[] => {
  const lines = ["## Description", "", ticket.description?.trim() || NOT_GIVEN, ""];
  lines.push(
    `- Contract: ${ticket.contractId ?? NOT_GIVEN}`,
    `- Workspace: ${ticket.workspaceId ?? NOT_GIVEN}`,
  );
  const version = ticket.flowVersion === undefined ? "" : ` (version: ${ticket.flowVersion})`;
  if (ticket.flowId !== undefined) lines.push(`- Flow: ${ticket.flowId}${version}`);
  else if (ticket.involvesFlow !== false) lines.push(`- Flow: ${NOT_GIVEN}`);
  const link = ticketAppPath(ticket, appUrl);
  if (link !== undefined) lines.push(`- Link: ${link}`);
  lines.push(...otherIdLines(ticket));
  lines.push(`- Reproducible: ${yesNo(ticket.reproducible, "Yes", "No, it is not easy to reproduce")}`);
  const steps = ticket.stepsToReproduce ?? [];
  if (steps.length > 0)
    lines.push("", "### Steps to reproduce", "", ...steps.map((step, i) => listItem(`${i + 1}.`, step)));
  return lines;
};

const OTHER_ID_NAMES = {
  executionId: "Execution",
  threadId: "Thread",
  stepId: "Step",
  credentialId: "Credential",
  componentId: "Component",
  containerId: "Container",
} as const;

const otherIdLines = (ticket: TicketDraft): string[] =>
  Object.entries(OTHER_ID_NAMES).flatMap(([field, name]) => {
    const id = ticket.otherIds?.[field as keyof typeof OTHER_ID_NAMES];
    return id == null || id === "" ? [] : [`- ${name}: ${id}`];
  });

const evidenceSection = (ticket: TicketDraft, logMaxChars: number): string[] => [
  "### Screenshots",
  "",
  ...screenshotLines(ticket.screenshots ?? []),
  "",
  "### Log file",
  "",
  ...logLines(ticket.logs, logMaxChars),
  "",
  "### Error text",
  "",
  ...(ticket.errorText?.trim() ? fencedBlock(ticket.errorText) : [NOT_GIVEN]),
  "",
  "### First observed",
  "",
  ticket.firstObservedAt ?? NOT_GIVEN,
  "",
  "### Documentation checked",
  "",
  ...docsLines(ticket),
];

const screenshotLines = (screenshots: readonly ScreenshotRef[]): string[] => {
  if (screenshots.length === 0) return ["None attached."];
  return screenshots.map((shot) => {
    const where = shot.ref == null ? "" : ` at ${shot.ref}`;
    return `- ${shot.name} (${shot.mediaType}, ${formatBytes(shot.sizeBytes)})${where}`;
  });
};

const logLines = (logs: string | undefined, maxChars: number): string[] => {
  if (!logs?.trim()) return [NOT_GIVEN];
  const { text, note } = trimLog(logs, maxChars);
  return note === undefined ? fencedBlock(text) : [`_${note}_`, "", ...fencedBlock(text)];
};

const docsLines = (ticket: TicketDraft): string[] => {
  if (ticket.docsChecked === undefined) return [NOT_GIVEN];
  if (!ticket.docsChecked) return ["No, the documentation was not checked."];
  const pages = ticket.docsConsulted ?? [];
  const checked = "Yes: the solution was not found in the documentation or was not clear.";
  return pages.length === 0
    ? [checked]
    : [checked, "", "Pages consulted:", ...pages.map((page) => listItem("-", page))];
};

const timelineSection = (ticket: TicketDraft): string[] => {
  const lines = ["## Timeline", ""];
  const entries = sortedTimeline(ticket.timeline ?? []);
  const incident = ticket.firstObservedAt === undefined ? undefined : epochOf(ticket.firstObservedAt);
  if (entries.length === 0) lines.push(NOT_GIVEN);
  for (const entry of entries) {
    const mark =
      incident !== undefined && epochOf(entry.at) === incident ? " (incident: first observed)" : "";
    lines.push(listItem("-", `${entry.at}${mark}: ${entry.event}`));
  }
  lines.push("", ...errorReportLines(ticket.errorReport));
  return lines;
};

const epochOf = (at: string): number | undefined => {
  const parsed = parseZonedDateTime(at.trim());
  return parsed.ok ? parsed.epochMs : undefined;
};

// Sorted by instant (entries in other time zones interleave correctly); unreadable times keep their order at the end.
const sortedTimeline = (timeline: readonly TimelineEntry[]): TimelineEntry[] =>
  timeline
    .map((entry, index) => ({ entry, index, epoch: epochOf(entry.at) ?? Number.POSITIVE_INFINITY }))
    .sort((a, b) => a.epoch - b.epoch || a.index - b.index)
    .map(({ entry }) => entry);

const errorReportLines = (errorReport: ErrorReport | undefined): string[] => {
  if (errorReport === undefined) return ["### Error report", "", NOT_GIVEN];
  const source = errorReport.source === "email" ? "e-mail" : "UI";
  const received = errorReport.receivedAt == null ? "" : `, received ${errorReport.receivedAt}`;
  return [`### Error report (from the ${source}${received})`, "", ...fencedBlock(errorReport.text)];
};

const prioritySection = (ticket: TicketDraft): string[] => {
  const lines = ["## Priority", ""];
  if (ticket.priority === undefined) lines.push(NOT_GIVEN);
  else {
    const info = TICKET_PRIORITY_INFO[ticket.priority];
    lines.push(`${info.label}: a solution is needed ${info.howSoon}. ${info.meaning}`);
  }
  if (ticket.neededBy !== undefined) lines.push("", `Needed by: ${ticket.neededBy}`);
  return lines;
};

const blockerSection = (ticket: TicketDraft): string[] => {
  const blocker = yesNo(ticket.isBlocker, "Yes, this blocks our work.", "No");
  const lines = ["## Blocker and deadline", "", `- Blocker: ${blocker}`];
  if (ticket.blockerImpact?.trim()) lines.push(listItem("-", `Impact: ${ticket.blockerImpact}`));
  const deadline = ticket.deadline ?? (ticket.isBlocker ? NOT_GIVEN : undefined);
  if (deadline !== undefined) lines.push(`- Deadline for a solution or workaround: ${deadline}`);
  return lines;
};

const LEVEL_NAMES: { readonly [L in Level]: string } = {
  INTEGRATION_LOGIC: "Integration logic",
  COMPONENT_RUNTIME: "Component runtime",
  PLATFORM: "Platform",
  UNCLASSIFIED: "Unclassified",
};

const diagnosisSection = (ticket: TicketDraft): string[] => {
  const lines: string[] = [];
  if (ticket.troubleshootingLevel !== undefined) {
    lines.push(`- Troubleshooting level: ${LEVEL_NAMES[ticket.troubleshootingLevel]}`);
  }
  if (ticket.cause !== undefined) lines.push(`- Cause: ${causeLine(ticket.cause)}`);
  if (ticket.supportAccessGranted !== undefined) {
    lines.push(
      `- Support access to the workspace: ${ticket.supportAccessGranted ? "granted" : "not granted"}`,
    );
  }
  if (ticket.stuckMessageEvidence !== undefined) lines.push(...stuckLines(ticket.stuckMessageEvidence));
  return lines.length === 0 ? [] : ["## Diagnosis", "", ...lines];
};

const causeLine = (cause: Cause): string => `${CAUSE_INFO[cause].title} (${cause})`;

const stuckLines = (evidence: StuckMessageEvidence): string[] => {
  const queues = new Map((evidence.queueStats ?? []).map((queue) => [queue.stepId, queue]));
  const stepIds = [
    ...Object.keys(evidence.lastLogAtPerStep),
    ...Object.keys(evidence.containersRunning),
    ...queues.keys(),
  ];
  const steps = [...new Set(stepIds)];
  const lines = [`- Stuck messages: the flow is ${evidence.flowSuspended ? "suspended" : "not suspended"}`];
  for (const step of steps.sort()) {
    const at = evidence.lastLogAtPerStep[step];
    const lastLog = at === undefined ? "no log line" : `last log ${at}`;
    const running = evidence.containersRunning[step];
    const container =
      running === undefined ? "container unknown" : `container ${running ? "running" : "not running"}`;
    const queue = queues.get(step);
    const queued = queue === undefined ? "" : `, ${queue.total} queued (${queue.rebounds} rebounds)`;
    lines.push(`  - ${step}: ${lastLog}, ${container}${queued}`);
  }
  return lines;
};
