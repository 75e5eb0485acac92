import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./send.js";

// What a browser client may send: JSON bodies, the platform login, and the header that satisfies Apollo's CSRF
// prevention for GET requests (Apollo Client and urql send the operation name too).
const ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "x-request-id",
].join(", ");
const ALLOWED_METHODS = "GET, POST, OPTIONS";
const EXPOSED_HEADERS = "x-request-id, retry-after";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/**
 * Adds CORS headers for an allowed origin and answers preflight requests. Returns true when it answered the request
 * (a preflight, allowed or refused); then the caller must not route it further. Refused origins get no CORS headers,
 * so browsers block them; requests without an `Origin` header are left alone.
 */
export const handleCors = (
  allowedOrigins: ReadonlySet<string>,
  request: IncomingMessage,
  response: ServerResponse,
): boolean => {
  const origin = request.headers.origin;
  const isPreflight = request.method === "OPTIONS";
  if (origin === undefined) {
    if (isPreflight) answerOptionsWithoutOrigin(response);
    return isPreflight;
  }
  response.setHeader("vary", "origin");
  if (!allowedOrigins.has(origin)) {
    if (isPreflight) sendJson(response, 403, { error: "origin not allowed", see: "CORS_ORIGINS" });
    return isPreflight;
  }
  response.setHeader("access-control-allow-origin", origin);
  response.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  if (!isPreflight) return false;
  response.writeHead(204, {
    "access-control-allow-methods": ALLOWED_METHODS,
    "access-control-allow-headers": ALLOWED_HEADERS,
    "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
  });
  response.end();
  return true;
};

const answerOptionsWithoutOrigin = (response: ServerResponse): void => {
  response.writeHead(204, { allow: `${ALLOWED_METHODS}, HEAD` });
  response.end();
};
