import { DecodeIssue } from "../decode/decode-issue.js";
import { PlatformError } from "../errors.js";
import type { ApiRequest, ApiResponse, CallOptions } from "../http/api-request.js";
import type { HttpMethod } from "../http/hooks.js";
import { send } from "../http/send.js";
import type { Transport } from "../http/transport.js";
import type { PageQuery } from "./page.js";

/** What every resource function needs: the transport and the client's page size. */
export interface Api {
  readonly transport: Transport;
  readonly pageSize: number;
}

/** Sends one request with the call options applied. */
export const call = (
  api: Api,
  method: HttpMethod,
  path: string,
  options: CallOptions = {},
  body?: unknown,
) => {
  const request: ApiRequest = {
    method,
    path,
    ...(body === undefined ? {} : { body }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.context === undefined ? {} : { context: options.context }),
  };
  return send(api.transport, request);
};

/** Runs a decoder over a response body; a shape it does not accept becomes `PLATFORM_DECODE` naming method and path. */
export const decode = <TResult>(response: ApiResponse, decoder: (body: unknown) => TResult): TResult => {
  try {
    return decoder(response.body);
  } catch (error) {
    if (!(error instanceof DecodeIssue)) throw error;
    throw new PlatformError(
      "PLATFORM_DECODE",
      `${response.method} ${response.path} answered ${response.status} with an unexpected body: ${error.message}`,
      { method: response.method, path: response.path, status: response.status, cause: error },
    );
  }
};

/** Checks an id argument before it goes into a path: a blank id would silently address the collection instead. */
export const requireId = (method: string, name: string, value: unknown): string => {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw new PlatformError("PLATFORM_INVALID_OPTION", `${method}: ${name} must be a non-empty string`);
};

const checkPaging = (method: string, name: string, value: unknown, max: number): void => {
  if (value === undefined) return;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max) return;
  throw new PlatformError(
    "PLATFORM_INVALID_OPTION",
    `${method}: ${name} must be an integer from 1 to ${max}`,
  );
};

/** Checks the paging arguments of a `list*` call and hands them back. */
export const checkPage = <TQuery extends PageQuery>(method: string, query: TQuery): TQuery => {
  checkPaging(method, "pageNumber", query.pageNumber, Number.MAX_SAFE_INTEGER);
  checkPaging(method, "pageSize", query.pageSize, 1000);
  return query;
};
