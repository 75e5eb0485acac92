import type { IncomingMessage } from "node:http";
import { parseAuthorization } from "../auth/parse-authorization.js";

/**
 * Who a request counts against for per-caller limits: the e-mail of its credentials, or its IP address when it sends
 * none (or none that parse). An e-mail is not checked here; a made-up one fails at the platform on first use.
 */
export const callerOf = (request: IncomingMessage): string =>
  callerOfAuthorization(request.headers.authorization, request.socket.remoteAddress);

/** {@link callerOf} for credentials sent another way (a WebSocket's `connectionParams`). */
export const callerOfAuthorization = (
  authorization: string | undefined,
  address: string | undefined,
): string => {
  try {
    return `user:${parseAuthorization(authorization).email.toLowerCase()}`;
  } catch {
    return `ip:${address ?? "unknown"}`;
  }
};
