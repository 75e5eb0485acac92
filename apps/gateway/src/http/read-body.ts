import type { IncomingMessage } from "node:http";

/** Thrown by {@link readBody} when the body is larger than allowed. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * Reads a request body as UTF-8, refusing early (from Content-Length) or as soon as the bytes
 * received pass the limit, so an oversized body is never held in memory.
 */
export const readBody = async (request: IncomingMessage, limit: number): Promise<string> => {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
};
