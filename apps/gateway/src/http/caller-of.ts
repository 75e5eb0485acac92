import type { IncomingMessage } from "node:http";
import { parseAuthorization } from "../auth/parse-authorization.js";

/**
 * Who a request counts against for per-caller limits: the e-mail of its credentials, or its IP address when it sends
 * none (or none that parse). An e-mail is not checked here; a made-up one fails at the platform on first use.
 */
export const callerOf = (request: IncomingMessage): string => {
  try {
    return `user:${parseAuthorization(request.headers.authorization).email.toLowerCase()}`;
  } catch {
    return `ip:${request.socket.remoteAddress ?? "unknown"}`;
  }
};
