// The evidence the guide lists under the description: steps to reproduce, screenshots, the log file and the
// error text as text, the first-observed time, and whether the documentation was checked.

import { imageInsteadOfText } from "./text-checks.js";
import type { TicketDraft } from "./ticket.js";
import { ticketHasError } from "./ticket-conditions.js";
import { SCREENSHOT_MEDIA_TYPES, TICKET_LIMITS } from "./ticket-limits.js";
import {
  childPath,
  describeType,
  type FieldRule,
  isRecord,
  itemPath,
  readBoolean,
  readChoice,
  readDateTime,
  readList,
  readText,
  report,
  reportUnknownKeys,
  type UnknownRecord,
  type ValidationContext,
} from "./validation-context.js";

/** Checks steps to reproduce, screenshots, logs, error text, first-observed time and the documentation flag. */
export const validateEvidence = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  readTextList(ctx, ticket.stepsToReproduce, "stepsToReproduce", {
    label: "Steps to reproduce",
    required: false,
    maxItems: TICKET_LIMITS.stepsToReproduceMaxItems,
    maxLength: TICKET_LIMITS.stepMaxLength,
  });
  readBoolean(ctx, ticket.reproducible, "reproducible", { label: "Reproducible", required: false });
  validateScreenshots(ctx, ticket.screenshots);
  const logs = { label: "Logs", required: false, maxLength: TICKET_LIMITS.logsMaxLength, tolerateAnsi: true };
  readPlainText(ctx, ticket.logs, "logs", logs);
  const errorText = {
    label: "Error text",
    required: ctx.submission && ticketHasError(ticket as TicketDraft),
    hint: "the ticket reports an error, so paste the error message as text (not a screenshot).",
    maxLength: TICKET_LIMITS.errorTextMaxLength,
    tolerateAnsi: true,
  };
  readPlainText(ctx, ticket.errorText, "errorText", errorText);
  const firstObserved = {
    label: "First observed time",
    required: ctx.submission,
    past: true,
    hint: "when did you first see the error? Give the date, the time and the time zone.",
  };
  readDateTime(ctx, ticket.firstObservedAt, "firstObservedAt", firstObserved);
  validateDocs(ctx, ticket);
};

/** A text that must be readable text: the guide asks for logs and errors "not a screenshot". */
export const readPlainText = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  rule: { label: string; required: boolean; maxLength: number; tolerateAnsi?: boolean },
): string | undefined => {
  const text = readText(ctx, value, path, rule);
  const image = text === undefined ? undefined : imageInsteadOfText(text);
  if (image !== undefined) {
    const message = `${rule.label} ${image}; paste the text itself and attach screenshots under screenshots.`;
    report(ctx, path, "NOT_TEXT", message);
  }
  return text;
};

const readTextList = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  rule: FieldRule & { readonly maxItems: number; readonly maxLength: number; readonly singleLine?: boolean },
): void => {
  const list = readList(ctx, value, path, rule);
  list?.forEach((item, index) => {
    const itemRule = {
      label: `${rule.label}, entry ${index + 1},`,
      required: true,
      maxLength: rule.maxLength,
      singleLine: rule.singleLine ?? false,
    };
    readText(ctx, item, itemPath(path, index), itemRule);
  });
};

const validateDocs = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  const docsRule = {
    label: "Documentation checked",
    required: ctx.submission,
    hint: "say whether you checked the documentation and found no solution (true or false).",
  };
  const checked = readBoolean(ctx, ticket.docsChecked, "docsChecked", docsRule);
  readTextList(ctx, ticket.docsConsulted, "docsConsulted", {
    label: "Documentation consulted",
    required: ctx.submission && checked === true,
    hint: "list the documentation pages you checked.",
    maxItems: TICKET_LIMITS.docsConsultedMaxItems,
    maxLength: TICKET_LIMITS.docPageMaxLength,
    singleLine: true,
  });
};

const SCREENSHOT_FIELDS = ["name", "mediaType", "sizeBytes", "ref"] as const;

const validateScreenshots = (ctx: ValidationContext, value: unknown): void => {
  const rule = { label: "Screenshots", required: false, maxItems: TICKET_LIMITS.screenshotsMaxItems };
  const list = readList(ctx, value, "screenshots", rule);
  list?.forEach((item, index) => {
    validateScreenshot(ctx, item, itemPath("screenshots", index), `Screenshot ${index + 1}`);
  });
};

const validateScreenshot = (ctx: ValidationContext, item: unknown, path: string, label: string): void => {
  if (!isRecord(item)) {
    report(
      ctx,
      path,
      "WRONG_TYPE",
      `${label} must be an object with name, mediaType and sizeBytes, not ${describeType(item)}.`,
    );
    return;
  }
  reportUnknownKeys(ctx, item, SCREENSHOT_FIELDS, path);
  const nameRule = {
    label: `${label}'s name`,
    required: true,
    maxLength: TICKET_LIMITS.screenshotNameMaxLength,
  };
  readText(ctx, item.name, childPath(path, "name"), { ...nameRule, singleLine: true });
  const refRule = {
    label: `${label}'s reference`,
    required: false,
    maxLength: TICKET_LIMITS.screenshotRefMaxLength,
  };
  readText(ctx, item.ref, childPath(path, "ref"), { ...refRule, singleLine: true });
  checkMediaType(ctx, item.mediaType, childPath(path, "mediaType"), label);
  checkSize(ctx, item.sizeBytes, childPath(path, "sizeBytes"), label);
};

const checkMediaType = (ctx: ValidationContext, value: unknown, path: string, label: string): void => {
  if (typeof value === "string" && value !== "" && !SCREENSHOT_MEDIA_TYPES.includes(value as never)) {
    const message = `${label} must be a PNG or JPEG image (image/png, image/jpeg), not ${value.slice(0, 60)}; send logs and texts as text.`;
    report(ctx, path, "UNSUPPORTED_MEDIA_TYPE", message);
    return;
  }
  readChoice(ctx, value, path, {
    label: `${label}'s media type`,
    required: true,
    allowed: SCREENSHOT_MEDIA_TYPES,
  });
};

const checkSize = (ctx: ValidationContext, value: unknown, path: string, label: string): void => {
  if (value === undefined || value === null) {
    report(ctx, path, "REQUIRED", `${label}'s size in bytes is required.`);
    return;
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    report(ctx, path, "WRONG_TYPE", `${label}'s size must be a whole number of bytes above 0.`);
    return;
  }
  if (value > TICKET_LIMITS.screenshotMaxBytes) {
    const megabytes = TICKET_LIMITS.screenshotMaxBytes / (1024 * 1024);
    report(ctx, path, "TOO_LARGE", `${label} is larger than ${megabytes} MB; crop it or save it as JPEG.`);
  }
};
