// The shared state of one validation run and the readers every field check uses. Readers never throw: they
// report a problem and return `undefined` when a value cannot be used for further checks.

import { findControlCharacter } from "./text-checks.js";
import { TICKET_LIMITS } from "./ticket-limits.js";
import type { TicketProblem, TicketProblemCode } from "./ticket-problem.js";
import { parseZonedDateTime } from "./zoned-date-time.js";

/** One validation run: its mode, its clock and the problems found so far. */
export interface ValidationContext {
  readonly submission: boolean;
  readonly nowMs: number;
  readonly problems: TicketProblem[];
}

/** A plain object whose fields are not trusted yet. */
export type UnknownRecord = Readonly<Record<string, unknown>>;

/** Records one problem. */
export const report = (
  ctx: ValidationContext,
  path: string,
  code: TicketProblemCode,
  message: string,
): void => {
  ctx.problems.push({ path, code, message });
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `parent.key`, or `parent["odd key"]` when the key is not an identifier. */
export const childPath = (parent: string, key: string): string => {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === "" ? key : `${parent}.${key}`;
};

/** `parent[index]`. */
export const itemPath = (parent: string, index: number): string => `${parent}[${index}]`;

/** How a value's type reads in a message. */
export const describeType = (value: unknown): string => {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
};

/** Whether a value is a plain object (not `null`, not an array). */
export const isRecord = (value: unknown): value is UnknownRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A field's value with `null` and blank strings read as "not given". */
export const given = (value: unknown): unknown =>
  value === null || (typeof value === "string" && value.trim() === "") ? undefined : value;

/** What every reader needs to know about a field. */
export interface FieldRule {
  /** The field's name for people, e.g. "First observed time". */
  readonly label: string;
  readonly required: boolean;
  /** Said after "… is required:" to tell the person what to give. */
  readonly hint?: string;
}

/** Reports a missing required value; returns the value when it is given. */
const present = (ctx: ValidationContext, value: unknown, path: string, rule: FieldRule) => {
  const found = given(value);
  if (found !== undefined || !rule.required) return found;
  report(
    ctx,
    path,
    "REQUIRED",
    `${rule.label} is required${rule.hint === undefined ? "." : `: ${rule.hint}`}`,
  );
  return undefined;
};

/** Limits of a text field. */
export interface TextRule extends FieldRule {
  readonly maxLength: number;
  readonly minLength?: number;
  readonly singleLine?: boolean;
  /** Allow ANSI colour sequences (logs); the renderer strips them. */
  readonly tolerateAnsi?: boolean;
}

/** Checks a text field; returns the text when it is a string, even if it broke a rule. */
export const readText = (ctx: ValidationContext, value: unknown, path: string, rule: TextRule) => {
  const text = present(ctx, value, path, rule);
  if (text === undefined) return undefined;
  if (typeof text !== "string") {
    report(ctx, path, "WRONG_TYPE", `${rule.label} must be text, not ${describeType(text)}.`);
    return undefined;
  }
  if (text.length > rule.maxLength) {
    const message = `${rule.label} is ${text.length} characters long; at most ${rule.maxLength} are allowed.`;
    report(ctx, path, "TOO_LONG", message);
  }
  if (rule.minLength !== undefined && text.trim().length < rule.minLength) {
    report(
      ctx,
      path,
      "TOO_SHORT",
      `${rule.label} is too short; write at least ${rule.minLength} characters.`,
    );
  }
  if (rule.singleLine && /[\r\n]/.test(text)) {
    report(ctx, path, "NOT_SINGLE_LINE", `${rule.label} must be a single line, without line breaks.`);
  }
  const control = findControlCharacter(text, rule.tolerateAnsi ?? false);
  if (control) {
    const where = `${control.codePoint} at position ${control.position}`;
    report(
      ctx,
      path,
      "CONTROL_CHARACTER",
      `${rule.label} contains a control or binary character (${where}); send plain text.`,
    );
  }
  return text;
};

/** Checks a single-token id (no whitespace, bounded length). */
export const readToken = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  label: string,
  required = false,
) => {
  const text = readText(ctx, value, path, { label, required, maxLength: TICKET_LIMITS.idMaxLength });
  if (text !== undefined && /\s/.test(text.trim())) {
    report(ctx, path, "INVALID_VALUE", `${label} must be a single id without spaces.`);
  }
  return text;
};

/** Checks a true/false field; returns it when it is a boolean. */
export const readBoolean = (ctx: ValidationContext, value: unknown, path: string, rule: FieldRule) => {
  const flag = present(ctx, value, path, rule);
  if (flag === undefined) return undefined;
  if (typeof flag === "boolean") return flag;
  report(ctx, path, "WRONG_TYPE", `${rule.label} must be true or false, not ${describeType(flag)}.`);
  return undefined;
};

/** Checks a value against a list of allowed strings. */
export const readChoice = <TValue extends string>(
  ctx: ValidationContext,
  value: unknown,
  path: string,
  rule: FieldRule & { readonly allowed: readonly TValue[] },
): TValue | undefined => {
  const choice = present(ctx, value, path, rule);
  if (choice === undefined) return undefined;
  if (typeof choice === "string" && (rule.allowed as readonly string[]).includes(choice))
    return choice as TValue;
  const allowed = rule.allowed.map((item) => `"${item}"`).join(", ");
  const got = typeof choice === "string" ? `"${choice.slice(0, 40)}"` : describeType(choice);
  report(ctx, path, "INVALID_VALUE", `${rule.label} must be one of ${allowed}; got ${got}.`);
  return undefined;
};

/** Checks a list field and its length; returns it when it is an array. */
export const readList = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  rule: FieldRule & { readonly maxItems: number },
): readonly unknown[] | undefined => {
  const list = present(ctx, value, path, rule);
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) {
    report(ctx, path, "WRONG_TYPE", `${rule.label} must be a list, not ${describeType(list)}.`);
    return undefined;
  }
  if (list.length === 0 && rule.required) {
    report(
      ctx,
      path,
      "REQUIRED",
      `${rule.label} must not be empty${rule.hint === undefined ? "." : `: ${rule.hint}`}`,
    );
  }
  if (list.length > rule.maxItems) {
    report(
      ctx,
      path,
      "TOO_MANY",
      `${rule.label} has ${list.length} entries; at most ${rule.maxItems} are allowed.`,
    );
  }
  return list;
};

/** Checks an object field; returns it when it is a plain object. */
export const readRecord = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  rule: FieldRule,
): UnknownRecord | undefined => {
  const record = present(ctx, value, path, rule);
  if (record === undefined) return undefined;
  if (isRecord(record)) return record;
  report(ctx, path, "WRONG_TYPE", `${rule.label} must be an object, not ${describeType(record)}.`);
  return undefined;
};

/** Reports every key of a record that is not in the allowed list. */
export const reportUnknownKeys = (
  ctx: ValidationContext,
  record: UnknownRecord,
  allowed: readonly string[],
  path: string,
): void => {
  for (const key of Object.keys(record)) {
    if (allowed.includes(key)) continue;
    report(
      ctx,
      childPath(path, key),
      "UNKNOWN_FIELD",
      `"${key.slice(0, 60)}" is not a known field here; check its spelling.`,
    );
  }
};

/** Rules of a date-time field. */
export interface DateTimeRule extends FieldRule {
  /** Reject times after now (plus the clock-skew tolerance) and times older than the maximum age. */
  readonly past?: boolean;
  /** Reject times that are not after now (deadlines at submission). */
  readonly future?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks an ISO-8601 date-time with a time zone; returns its epoch milliseconds when it is well-formed. */
export const readDateTime = (ctx: ValidationContext, value: unknown, path: string, rule: DateTimeRule) => {
  const text = readText(ctx, value, path, { ...rule, maxLength: 64 });
  if (text === undefined) return undefined;
  const parsed = parseZonedDateTime(text.trim());
  if (!parsed.ok) {
    reportBadDateTime(ctx, path, rule.label, parsed.reason);
    return undefined;
  }
  checkDateTimeRange(ctx, parsed.epochMs, path, rule);
  return parsed.epochMs;
};

const reportBadDateTime = (
  ctx: ValidationContext,
  path: string,
  label: string,
  reason: "format" | "zone" | "calendar",
): void => {
  const example = "e.g. 2026-03-27T15:39:02+01:00 or 2026-03-27T14:39:02Z";
  if (reason === "zone") {
    report(
      ctx,
      path,
      "MISSING_TIME_ZONE",
      `${label} needs a time and a time zone (Z or ±hh:mm), ${example}.`,
    );
    return;
  }
  const what = reason === "calendar" ? "is not a real date and time" : "is not an ISO-8601 date-time";
  report(ctx, path, "INVALID_DATE_TIME", `${label} ${what}; write it as ${example}.`);
};

const checkDateTimeRange = (
  ctx: ValidationContext,
  epochMs: number,
  path: string,
  rule: DateTimeRule,
): void => {
  if (rule.past && epochMs > ctx.nowMs + TICKET_LIMITS.clockSkewMs) {
    report(ctx, path, "IN_FUTURE", `${rule.label} is in the future; check the date and the time zone.`);
  }
  if (rule.past && epochMs < ctx.nowMs - TICKET_LIMITS.maxAgeDays * DAY_MS) {
    const message = `${rule.label} is more than ${TICKET_LIMITS.maxAgeDays} days ago; check the year.`;
    report(ctx, path, "TOO_OLD", message);
  }
  if (rule.future && epochMs <= ctx.nowMs) {
    report(ctx, path, "NOT_IN_FUTURE", `${rule.label} has already passed; give a time in the future.`);
  }
};
