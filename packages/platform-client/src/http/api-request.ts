import type { IncomingHttpHeaders } from "node:http";
import type { HttpMethod } from "./hooks.js";

/** One logical request to the API; retries send it again unchanged. */
export interface ApiRequest {
  readonly method: HttpMethod;
  /** Path below the base URL, with the query already encoded, e.g. `/v2/flows/ID`. */
  readonly path: string;
  /** A JSON body. */
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
  readonly context?: unknown;
}

/** A successful (status below 400) response with its body parsed as JSON (`undefined` when empty). */
export interface ApiResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  /** Method and path as sent, for error messages. */
  readonly method: HttpMethod;
  readonly path: string;
}

/** Per-call options every client method accepts. */
export interface CallOptions {
  /** Aborts the call, retries and waits included; the call then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Passed to the hooks as `context` (e.g. the gateway's request id). */
  readonly context?: unknown;
}

type QueryValue = string | number | boolean | readonly string[] | undefined;

/**
 * Builds `path?query`. Keys are sent literally (`page[size]`, `levels[]`, as the API documents them);
 * values are URL-encoded; array values repeat the key; undefined values are left out.
 */
export const withQuery = (path: string, query: Readonly<Record<string, QueryValue>>): string => {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) parts.push(`${key}=${encodeURIComponent(item)}`);
    } else {
      parts.push(`${key}=${encodeURIComponent(String(value))}`);
    }
  }
  return parts.length === 0 ? path : `${path}?${parts.join("&")}`;
};

/** Encodes one path segment (an id from the caller). */
export const segment = (value: string): string => encodeURIComponent(value);
