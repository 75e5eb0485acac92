import type { LogEntry } from "@flowdoctor/core";
import { fail } from "./decode-issue.js";
import { asArray, asObject, readNumber, readOptionalString, readString } from "./read.js";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const OPTIONAL_FIELDS = [
  ["user_id", "userId"],
  ["component_id", "componentId"],
  ["component_name", "componentName"],
  ["container_id", "containerId"],
  ["exec_id", "execId"],
  ["thread_id", "threadId"],
  ["method", "method"],
] as const;

/** Decodes one hit of `GET /v2/logs` (plain JSON, snake_case) into a core `LogEntry`. */
export const decodeLogEntry = (value: unknown, at: string): LogEntry => {
  const hit = asObject(value, at);
  const entry: Writable<LogEntry> = {
    id: readString(hit, "id", at),
    timestamp: readString(hit, "timestamp", at),
    level: readNumber(hit, "level", at),
    message: readOptionalString(hit, "message", at) ?? "",
    workspaceId: readString(hit, "workspace_id", at),
    flowId: readString(hit, "flow_id", at),
    stepId: readString(hit, "step_id", at),
  };
  for (const [from, to] of OPTIONAL_FIELDS) {
    const field = readOptionalString(hit, from, at);
    if (field !== undefined) entry[to] = field;
  }
  return entry;
};

/** One page of log hits with the total the platform reports (capped at 10,000 by the platform). */
export interface LogHits {
  readonly total: number;
  readonly entries: readonly LogEntry[];
}

/** Decodes the body of `GET /v2/logs`: `{ total, hits }`. */
export const decodeLogHits = (body: unknown): LogHits => {
  const object = asObject(body, "body");
  const hits = asArray(object.hits, "hits");
  const total = object.total === undefined ? hits.length : readNumber(object, "total", "body");
  if (total < 0) fail("total", "a non-negative number", total);
  return { total, entries: hits.map((hit, index) => decodeLogEntry(hit, `hits[${index}]`)) };
};
