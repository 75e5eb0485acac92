import { toLogFile } from "../log-file/to-log-file.js";
import type { LogEntry } from "../model/log-entry.js";
import type { Flow, IsoDateTime, Workspace } from "../model/platform.js";
import { redactSecrets } from "../redaction/redact-secrets.js";
import { shortenRedacted } from "../redaction/shorten-redacted.js";
import { CAUSE_INFO } from "../taxonomy/taxonomy.js";
import { missingForSubmission } from "../tickets/missing-for-submission.js";
import { suggestPriority } from "../tickets/suggest-priority.js";
import type { TicketDraft, TicketOtherIds, TimelineEntry } from "../tickets/ticket.js";
import { TICKET_LIMITS } from "../tickets/ticket-limits.js";
import type { DiagnosedErrorGroup, Diagnosis, DiagnosisTicket } from "./diagnosis.js";

export interface DraftTicketInput {
  readonly diagnosis: Omit<Diagnosis, "ticket">;
  readonly flow: Flow;
  readonly logs: readonly LogEntry[];
  readonly workspace: Workspace | undefined;
  readonly now: IsoDateTime;
}

const titleOf = (flow: Flow, diagnosis: DraftTicketInput["diagnosis"]): string => {
  const title = `${flow.name}: ${CAUSE_INFO[diagnosis.verdict.cause ?? "UNKNOWN"].title}`;
  return shortenRedacted(title, TICKET_LIMITS.titleMaxLength);
};

const descriptionOf = (diagnosis: DraftTicketInput["diagnosis"]): string => {
  const failing = diagnosis.findings.filter(
    (finding) => finding.status === "FAIL" || finding.status === "WARN",
  );
  const lines = [
    `Expected: flow "${diagnosis.flowName}" processes its messages without errors.`,
    `Actual: ${diagnosis.verdict.summary}`,
    ...(diagnosis.verdict.change ? [`What changed: ${diagnosis.verdict.change.summary}`] : []),
    "",
    "What Flowdoctor found:",
    ...failing.slice(0, 8).map((finding) => `- [${finding.status}] ${finding.title}: ${finding.detail}`),
  ];
  return redactSecrets(lines.join("\n"));
};

const timelineOf = (diagnosis: DraftTicketInput["diagnosis"], flow: Flow): TimelineEntry[] => {
  const events: TimelineEntry[] = diagnosis.errorGroups.flatMap((group) => [
    {
      at: group.firstSeen,
      event: `First "${group.cause}" error at ${group.stepId ?? "the flow"} (incident time)`,
    },
    {
      at: group.lastSeen,
      event: `Last "${group.cause}" error at ${group.stepId ?? "the flow"} (${group.count} in the window)`,
    },
  ]);
  if (flow.lastStartTime) events.push({ at: flow.lastStartTime, event: "Flow last started" });
  return events.sort((a, b) => a.at.localeCompare(b.at));
};

const firstObservedOf = (diagnosis: DraftTicketInput["diagnosis"]): IsoDateTime | undefined => {
  const times = diagnosis.errorGroups.map((group) => group.firstSeen).sort();
  return times[0];
};

/** The verdict's step and execution: what support should look at first. */
const otherIdsOf = (diagnosis: DraftTicketInput["diagnosis"], flow: Flow): TicketOtherIds => {
  const stepId = diagnosis.verdict.stepId ?? diagnosis.walkthrough.firstFailingStepId;
  const node = flow.graph.nodes.find((candidate) => candidate.id === stepId);
  return {
    ...(stepId ? { stepId } : {}),
    ...(diagnosis.walkthrough.executionId ? { threadId: diagnosis.walkthrough.executionId } : {}),
    ...(node ? { componentId: node.componentId } : {}),
    ...(node?.credentialsId ? { credentialId: node.credentialsId } : {}),
  };
};

const LOG_MARGIN_MS = 10 * 60_000;
const MAX_LOG_LINES = 300;

/** The failing step's log around the incident (its error group's first to last sighting, with a margin), redacted. */
const incidentLogOf = (
  logs: readonly LogEntry[],
  stepId: string | undefined,
  group: DiagnosedErrorGroup | undefined,
): string | undefined => {
  if (!stepId) return undefined;
  const from = group ? Date.parse(group.firstSeen) - LOG_MARGIN_MS : Number.NEGATIVE_INFINITY;
  const to = group ? Date.parse(group.lastSeen) + LOG_MARGIN_MS : Number.POSITIVE_INFINITY;
  const around = logs.filter((entry) => {
    const time = Date.parse(entry.timestamp);
    return entry.stepId === stepId && time >= from && time <= to;
  });
  if (around.length === 0) return undefined;
  const latest = [...around].sort((a, b) => a.timestamp.localeCompare(b.timestamp)).slice(-MAX_LOG_LINES);
  return toLogFile(latest);
};

/** A ticket draft with everything the diagnosis knows; secrets redacted. */
export const draftTicket = (input: DraftTicketInput): DiagnosisTicket => {
  const { diagnosis, flow, workspace } = input;
  // A person may still ask support about a flow found healthy: then the cause is one Flowdoctor could not name.
  const troubleshootingLevel = diagnosis.verdict.level ?? "UNCLASSIFIED";
  const cause = diagnosis.verdict.cause ?? "UNKNOWN";
  const verdictGroup =
    diagnosis.errorGroups.find((group) => group.stepId === diagnosis.verdict.stepId) ??
    diagnosis.errorGroups[0];
  const docs = [
    ...new Set(
      diagnosis.findings.filter((finding) => finding.status === "FAIL").map((finding) => finding.docsUrl),
    ),
  ];
  const firstObservedAt = firstObservedOf(diagnosis);
  const logs = incidentLogOf(
    input.logs,
    diagnosis.verdict.stepId ?? diagnosis.walkthrough.firstFailingStepId,
    verdictGroup,
  );
  const draft: TicketDraft = {
    title: titleOf(flow, diagnosis),
    description: descriptionOf(diagnosis),
    ...(diagnosis.contractId ? { contractId: diagnosis.contractId } : {}),
    workspaceId: flow.workspaceId,
    flowId: flow.id,
    involvesFlow: true,
    flowVersion: flow.latestVersionId ?? "latest",
    otherIds: otherIdsOf(diagnosis, flow),
    ...(verdictGroup ? { errorText: redactSecrets(verdictGroup.message) } : {}),
    ...(logs ? { logs } : {}),
    ...(firstObservedAt ? { firstObservedAt } : {}),
    ...(docs.length > 0 ? { docsChecked: true, docsConsulted: docs } : {}),
    timeline: timelineOf(diagnosis, flow),
    priority: suggestPriority({
      level: troubleshootingLevel,
      cause,
      ...(workspace ? { workspaceType: workspace.type } : {}),
    }).priority,
    troubleshootingLevel,
    cause,
  };
  return { draft, missing: missingForSubmission(draft) };
};
