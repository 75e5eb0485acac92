import { type RedactOptions, redactSecretsMarked } from "@flowdoctor/core";

/** A masked secret of a text about to be stored: where its marker starts, its kind and what it hid. */
export interface PendingMark {
  readonly position: number;
  readonly kind: string;
  readonly original: string;
}

/** A text redacted for storage, and a mark for each marker redaction wrote. */
export interface MarkedText {
  readonly text: string;
  readonly marks: readonly PendingMark[];
}

/** Redacts `text` with core's redaction and keeps, from that same step, each marker's kind and original. */
export const markText = (text: string, options: RedactOptions = {}): MarkedText => {
  const result = redactSecretsMarked(text, options);
  return {
    text: result.text,
    marks: result.marks.map((mark) => ({
      position: mark.from,
      kind: mark.kind,
      original: text.slice(mark.original.from, mark.original.to),
    })),
  };
};

/** Ticket fields of one free text each. */
const TEXT_FIELDS = ["title", "description", "errorText", "blockerImpact"] as const;
/** Ticket fields holding a list of free texts: each item is a field of its own, `stepsToReproduce.0`. */
const LIST_FIELDS = ["stepsToReproduce", "docsConsulted"] as const;
/** The ticket field holding an object whose `text` is free text: `errorReport.text`. */
const REPORT_FIELD = "errorReport";

/** The top-level ticket fields whose free text is redacted with recorded, reviewable marks. */
export const MARKED_FIELDS = [...TEXT_FIELDS, ...LIST_FIELDS, REPORT_FIELD] as const;

const LIST_ITEM = /^(stepsToReproduce|docsConsulted)\.(0|[1-9]\d{0,3})$/;

/**
 * Where a field name points inside a ticket's fields, when it names one of their free texts: `title` → `["title"]`,
 * `stepsToReproduce.2` → `["stepsToReproduce", "2"]`, `errorReport.text` → `["errorReport", "text"]`.
 */
export const fieldPath = (field: string): readonly string[] | undefined => {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return [field];
  if (field === `${REPORT_FIELD}.text`) return [REPORT_FIELD, "text"];
  const item = LIST_ITEM.exec(field);
  return item === null ? undefined : [item[1] as string, item[2] as string];
};

/** The text at `path` in a ticket's fields, when there is one. */
export const textAt = (fields: unknown, path: readonly string[]): string | undefined => {
  let value = fields;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === "string" ? value : undefined;
};

/** Every free text of a ticket's fields, by field name, in the order a preview lists them. */
export const fieldTexts = (fields: Record<string, unknown>): string[] => {
  const names: string[] = [...TEXT_FIELDS];
  for (const list of LIST_FIELDS) {
    const items = fields[list];
    if (Array.isArray(items)) names.push(...items.map((_, index) => `${list}.${index}`));
  }
  names.push(`${REPORT_FIELD}.text`);
  return names.filter((name) => textAt(fields, fieldPath(name) ?? []) !== undefined);
};

/** A patched top-level field's free texts, by field name, with the marks each got: they replace all its marks. */
export interface FieldMarks {
  readonly family: string;
  readonly texts: readonly { readonly field: string; readonly marks: readonly PendingMark[] }[];
}

/** A top-level field's new value with its free texts redacted, and their marks (none for `null`). */
export const markField = (family: string, value: unknown): { value: unknown; marks: FieldMarks } => {
  const texts: { field: string; marks: readonly PendingMark[] }[] = [];
  const mark = (field: string, text: string): string => {
    const result = markText(text);
    texts.push({ field, marks: result.marks });
    return result.text;
  };
  let marked = value;
  if ((TEXT_FIELDS as readonly string[]).includes(family) && typeof value === "string")
    marked = mark(family, value);
  else if ((LIST_FIELDS as readonly string[]).includes(family) && Array.isArray(value))
    marked = value.map((item, index) => (typeof item === "string" ? mark(`${family}.${index}`, item) : item));
  else if (family === REPORT_FIELD && typeof value === "object" && value !== null) {
    const report = value as { text?: unknown };
    if (typeof report.text === "string") marked = { ...report, text: mark(`${family}.text`, report.text) };
  }
  return { value: marked, marks: { family, texts } };
};

/** The field names a redaction can sit in: a marked field, `timeline:<id>` or `attachment:<id>`. */
export const timelineField = (id: string): string => `timeline:${id}`;
export const attachmentField = (id: string): string => `attachment:${id}`;
