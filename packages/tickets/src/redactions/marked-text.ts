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

/** The ticket fields of free text whose redactions are recorded and can be reviewed one by one. */
export const MARKED_FIELDS = ["title", "description", "errorText"] as const;
/** A name of {@link MARKED_FIELDS}. */
export type MarkedField = (typeof MARKED_FIELDS)[number];

/** The field names a redaction can sit in: a marked field, `timeline:<id>` or `attachment:<id>`. */
export const timelineField = (id: string): string => `timeline:${id}`;
export const attachmentField = (id: string): string => `attachment:${id}`;
