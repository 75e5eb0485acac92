// The guide's third item: for issues that are not easy to reproduce, the exact timeline with the incident time,
// and the error report from the UI or an e-mail.
import { TICKET_LIMITS } from "./ticket-limits.js";
import { readPlainText } from "./validate-evidence.js";
import {
  childPath,
  describeType,
  isRecord,
  itemPath,
  readChoice,
  readDateTime,
  readList,
  readRecord,
  readText,
  report,
  reportUnknownKeys,
  type UnknownRecord,
  type ValidationContext,
} from "./validation-context.js";
import { parseZonedDateTime } from "./zoned-date-time.js";

const ENTRY_FIELDS = ["at", "event"] as const;
const REPORT_FIELDS = ["source", "text", "receivedAt"] as const;

/** Checks the timeline (required when not reproducible, with the incident time) and the error report. */
export const validateTimeline = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  const notReproducible = ticket.reproducible === false;
  const list = readList(ctx, ticket.timeline, "timeline", {
    label: "Timeline",
    required: ctx.submission && notReproducible,
    hint: "the issue is not easy to reproduce, so list what happened when, starting with the time you first saw the error.",
    maxItems: TICKET_LIMITS.timelineMaxEntries,
  });
  const times = list?.map((entry, index) => validateEntry(ctx, entry, index)) ?? [];
  if (list !== undefined && list.length > 0 && ctx.submission) checkIncidentTime(ctx, ticket, times);
  validateErrorReport(ctx, ticket.errorReport);
};

const validateEntry = (ctx: ValidationContext, entry: unknown, index: number): number | undefined => {
  const path = itemPath("timeline", index);
  const label = `Timeline entry ${index + 1}`;
  if (!isRecord(entry)) {
    report(
      ctx,
      path,
      "WRONG_TYPE",
      `${label} must be an object with "at" and "event", not ${describeType(entry)}.`,
    );
    return undefined;
  }
  reportUnknownKeys(ctx, entry, ENTRY_FIELDS, path);
  const eventRule = {
    label: `${label}'s event`,
    required: true,
    maxLength: TICKET_LIMITS.timelineEventMaxLength,
  };
  readText(ctx, entry.event, childPath(path, "event"), eventRule);
  return readDateTime(ctx, entry.at, childPath(path, "at"), {
    label: `${label}'s time`,
    required: true,
    past: true,
  });
};

// The incident time is the first-observed time; an entry at the same instant (in any time zone) marks it.
const checkIncidentTime = (
  ctx: ValidationContext,
  ticket: UnknownRecord,
  times: readonly (number | undefined)[],
): void => {
  if (typeof ticket.firstObservedAt !== "string") return;
  const incident = parseZonedDateTime(ticket.firstObservedAt.trim());
  if (!incident.ok || times.includes(incident.epochMs)) return;
  const message =
    `Timeline must include the incident time: add an entry at ${ticket.firstObservedAt.trim()} ` +
    "(the first-observed time) saying what you saw.";
  report(ctx, "timeline", "INCIDENT_NOT_IN_TIMELINE", message);
};

const validateErrorReport = (ctx: ValidationContext, value: unknown): void => {
  const errorReport = readRecord(ctx, value, "errorReport", { label: "Error report", required: false });
  if (errorReport === undefined) return;
  reportUnknownKeys(ctx, errorReport, REPORT_FIELDS, "errorReport");
  const sourceRule = { label: "Error report's source", required: true, allowed: ["ui", "email"] as const };
  readChoice(ctx, errorReport.source, "errorReport.source", sourceRule);
  const textRule = {
    label: "Error report's text",
    required: true,
    maxLength: TICKET_LIMITS.errorReportMaxLength,
  };
  readPlainText(ctx, errorReport.text, "errorReport.text", { ...textRule, tolerateAnsi: true });
  const receivedRule = { label: "Error report's received time", required: false, past: true };
  readDateTime(ctx, errorReport.receivedAt, "errorReport.receivedAt", receivedRule);
};
