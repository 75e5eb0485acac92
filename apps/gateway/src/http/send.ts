import type { ServerResponse } from "node:http";
import type { ErrorCode, ErrorDetails } from "../errors.js";

/** Sends a JSON body with the given status. */
export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
};

/** Sends a GraphQL-shaped error for a request that never reached GraphQL execution. */
export const sendGraphQLError = (
  response: ServerResponse,
  status: number,
  error: { code: ErrorCode | "BAD_REQUEST"; message: string } & ErrorDetails,
): void => {
  const { message, ...extensions } = error;
  sendJson(response, status, { errors: [{ message, extensions }] });
};
