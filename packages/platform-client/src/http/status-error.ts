import type { IncomingHttpHeaders } from "node:http";
import { redactSecrets } from "@flowdoctor/core";
import { PlatformError, type PlatformErrorCode } from "../errors.js";
import { parseRetryAfter } from "./retry-after.js";

/** The error code for an HTTP status the client does not treat as success. */
export const codeForStatus = (status: number): PlatformErrorCode => {
  if (status === 401) return "PLATFORM_UNAUTHENTICATED";
  if (status === 403) return "PLATFORM_FORBIDDEN";
  if (status === 404) return "PLATFORM_NOT_FOUND";
  if (status === 409) return "PLATFORM_CONFLICT";
  if (status === 429) return "PLATFORM_RATE_LIMITED";
  if (status >= 500) return "PLATFORM_UNAVAILABLE";
  if (status >= 400) return "PLATFORM_BAD_REQUEST";
  return "PLATFORM_DECODE";
};

interface EnvelopeError {
  readonly title?: string;
  readonly detail?: string;
}

const SHORT_TEXT = 500;

// The platform's words go into messages and logs: cut them short and mask anything that looks like a secret.
const shortText = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? redactSecrets(value.slice(0, SHORT_TEXT)) : undefined;

/** `errors[0]` of a JSON:API error envelope; tolerates `{ message }` and `{ error }` bodies of proxies and older routes. */
export const readEnvelopeError = (text: string): EnvelopeError => {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  const first = Array.isArray(record.errors)
    ? (record.errors[0] as Record<string, unknown> | undefined)
    : undefined;
  const title = shortText(first?.title) ?? shortText(record.error);
  const detail = shortText(first?.detail) ?? shortText(record.message);
  return { ...(title === undefined ? {} : { title }), ...(detail === undefined ? {} : { detail }) };
};

/** Builds the typed error for a non-success response; the message names method, path, status and the platform's words. */
export const statusError = (
  request: { readonly method: string; readonly path: string },
  status: number,
  headers: IncomingHttpHeaders,
  text: string,
): PlatformError => {
  const code = codeForStatus(status);
  const { title, detail } = readEnvelopeError(text);
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers["retry-after"]) : undefined;
  const words = [title, detail].filter((part) => part !== undefined).join(": ");
  const message = `${request.method} ${request.path} failed with ${status}${words === "" ? "" : ` (${words})`}`;
  return new PlatformError(code, message, {
    method: request.method,
    path: request.path,
    status,
    ...(title === undefined ? {} : { title }),
    ...(detail === undefined ? {} : { detail }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
};
