import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { RawJson } from "../http/raw-json.js";

const PIECES = 8;

/** An answer to write: status, JSON body, extra headers, and how slowly to send the body. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly slowBodyMs?: number;
}

/** Writes a JSON answer; with `slowBodyMs` the body goes out in pieces spread over that time. */
export const sendJson = async (response: ServerResponse, answer: JsonAnswer): Promise<void> => {
  const { status, body } = answer;
  const text = body instanceof RawJson ? body.json : body === undefined ? "" : JSON.stringify(body);
  const payload = Buffer.from(text);
  response.statusCode = status;
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  if (body !== undefined) response.setHeader("content-type", "application/json; charset=utf-8");
  response.setHeader("content-length", payload.length);
  const slowMs = answer.slowBodyMs ?? 0;
  if (slowMs <= 0 || payload.length < PIECES) {
    response.end(payload);
    return;
  }
  response.flushHeaders();
  const size = Math.ceil(payload.length / PIECES);
  // A pause before every piece, so the last byte leaves no sooner than `slowBodyMs` after the headers.
  for (let start = 0; start < payload.length; start += size) {
    await sleep(slowMs / PIECES);
    if (response.destroyed) return;
    response.write(payload.subarray(start, start + size));
  }
  response.end();
};
