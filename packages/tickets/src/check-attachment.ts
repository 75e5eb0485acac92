import { redactSecrets, TICKET_LIMITS } from "@flowdoctor/core";
import type { AttachmentKind } from "./db/schema.js";
import type { TicketInputProblem } from "./ticket-errors.js";

/** An attachment as the client sends it: base64 bytes for screenshots, text for logs and error texts. */
export interface AttachmentInput {
  readonly kind: AttachmentKind;
  /** The file name shown to support, e.g. `errors-tab.png` or `step_2.log`. */
  readonly name: string;
  readonly base64?: string | null | undefined;
  readonly text?: string | null | undefined;
}

/** An attachment checked and ready to store. */
export interface CheckedAttachment {
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

/** Largest text attachment, in characters, per kind. */
export const TEXT_ATTACHMENT_MAX_CHARS = {
  LOG: TICKET_LIMITS.logsMaxLength,
  ERROR_TEXT: TICKET_LIMITS.errorTextMaxLength,
} as const;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Control characters other than tab, line feed and carriage return, and the replacement character that
// decoding binary data as UTF-8 leaves behind.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const BINARY_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The image type the bytes really are, or undefined. */
export const sniffImageType = (bytes: Buffer): "image/png" | "image/jpeg" | undefined => {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return "image/png";
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return undefined;
};

const checkName = (name: string, problems: TicketInputProblem[]): void => {
  const max = TICKET_LIMITS.screenshotNameMaxLength;
  if (name.trim() === "")
    problems.push({ path: "name", code: "REQUIRED", message: "A file name is required." });
  else if (name.length > max)
    problems.push({ path: "name", code: "TOO_LONG", message: `A file name has at most ${max} characters.` });
  else if (/[/\\\r\n\0]/.test(name))
    problems.push({
      path: "name",
      code: "INVALID_VALUE",
      message: "A file name has no slashes or line breaks.",
    });
};

const checkScreenshot = (
  input: AttachmentInput,
  problems: TicketInputProblem[],
): CheckedAttachment | undefined => {
  const base64 = input.base64?.replace(/\s+/g, "") ?? "";
  if (input.text != null)
    problems.push({
      path: "text",
      code: "NOT_TEXT",
      message: "A screenshot is sent as base64, not as text.",
    });
  if (base64 === "" || !BASE64.test(base64) || base64.length % 4 === 1) {
    problems.push({
      path: "base64",
      code: "WRONG_TYPE",
      message: "A screenshot must be the image's bytes in base64.",
    });
    return undefined;
  }
  const content = Buffer.from(base64, "base64");
  const max = TICKET_LIMITS.screenshotMaxBytes;
  if (content.length > max) {
    problems.push({
      path: "base64",
      code: "TOO_LARGE",
      message: `A screenshot has at most ${max} bytes (got ${content.length}).`,
    });
    return undefined;
  }
  const mediaType = sniffImageType(content);
  if (mediaType === undefined) {
    problems.push({
      path: "base64",
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: "A screenshot must be a PNG or JPEG image; these bytes are neither.",
    });
    return undefined;
  }
  return { kind: input.kind, name: input.name, mediaType, content };
};

const checkText = (input: AttachmentInput, problems: TicketInputProblem[]): CheckedAttachment | undefined => {
  const kind = input.kind as keyof typeof TEXT_ATTACHMENT_MAX_CHARS;
  const text = input.text ?? "";
  if (input.base64 != null)
    problems.push({
      path: "base64",
      code: "NOT_TEXT",
      message: "Log files and error texts are sent as text, not base64.",
    });
  if (text.trim() === "") {
    problems.push({ path: "text", code: "REQUIRED", message: "The text is empty." });
    return undefined;
  }
  const max = TEXT_ATTACHMENT_MAX_CHARS[kind];
  if (text.length > max) {
    problems.push({
      path: "text",
      code: "TOO_LONG",
      message: `A ${kind === "LOG" ? "log file" : "error text"} has at most ${max} characters (got ${text.length}).`,
    });
    return undefined;
  }
  if (BINARY_CHARACTER.test(text) || LONE_SURROGATE.test(text)) {
    problems.push({
      path: "text",
      code: "CONTROL_CHARACTER",
      message: "The text contains binary data or control characters; attach readable UTF-8 text.",
    });
    return undefined;
  }
  return {
    kind: input.kind,
    name: input.name,
    mediaType: "text/plain; charset=utf-8",
    content: Buffer.from(redactSecrets(text), "utf8"),
  };
};

/**
 * Checks an attachment: the name, then PNG/JPEG by its bytes and size, or UTF-8 text by size and content. The name
 * and a text's content come back redacted, ready to store.
 */
export const checkAttachment = (
  input: AttachmentInput,
): { readonly attachment?: CheckedAttachment; readonly problems: readonly TicketInputProblem[] } => {
  const problems: TicketInputProblem[] = [];
  checkName(input.name, problems);
  const attachment =
    input.kind === "SCREENSHOT" ? checkScreenshot(input, problems) : checkText(input, problems);
  return problems.length === 0 && attachment !== undefined
    ? { attachment: { ...attachment, name: redactSecrets(attachment.name) }, problems }
    : { problems };
};
