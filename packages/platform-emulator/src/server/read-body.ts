import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "../http/api-error.js";

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body as JSON: 413 beyond 1 MB, 406 when it is not JSON, 400 when it does not parse. */
export const readJsonBody = async (request: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError(413, "Request body is larger than 1 MB.", { title: "Payload too large" });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const type = request.headers["content-type"] ?? "";
  if (!/^application\/(vnd\.api\+)?json\b/i.test(type)) {
    throw new ApiError(406, "The request body must be JSON (Content-Type: application/json).");
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
};
