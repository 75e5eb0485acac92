import type { Dispatcher } from "undici";
import { PlatformError } from "../errors.js";
import type { ApiRequest, ApiResponse } from "./api-request.js";
import { statusError } from "./status-error.js";
import type { Transport } from "./transport.js";
import { transportError } from "./transport-error.js";

const failure = (request: ApiRequest, path: string, error: unknown): unknown => {
  if (request.signal?.aborted === true) return request.signal.reason;
  if (error instanceof PlatformError) return error;
  return transportError({ method: request.method, path }, error);
};

const parseBody = (request: ApiRequest, path: string, status: number, text: string): unknown => {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PlatformError(
      "PLATFORM_DECODE",
      `${request.method} ${path} answered ${status} with a body that is not JSON`,
      {
        method: request.method,
        path,
        status,
        cause: error,
      },
    );
  }
};

/** Sends one attempt and reads the whole body; statuses from 400 up become typed errors. */
export const sendAttempt = async (
  transport: Transport,
  request: ApiRequest,
  extraHeaders: Readonly<Record<string, string>> | undefined,
): Promise<ApiResponse> => {
  const path = transport.basePath + request.path;
  const hasBody = request.body !== undefined;
  const headers = hasBody
    ? { ...extraHeaders, ...transport.headers, "content-type": "application/json" }
    : extraHeaders === undefined
      ? transport.headers
      : { ...extraHeaders, ...transport.headers };
  const options: Dispatcher.RequestOptions = {
    origin: transport.origin,
    path,
    method: request.method,
    headers,
    headersTimeout: transport.timeoutMs,
    bodyTimeout: transport.timeoutMs,
    ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  };
  try {
    const response = await transport.dispatcher.request(options);
    const text = await response.body.text();
    if (response.statusCode >= 400)
      throw statusError({ method: request.method, path }, response.statusCode, response.headers, text);
    const body = parseBody(request, path, response.statusCode, text);
    return { status: response.statusCode, headers: response.headers, body, method: request.method, path };
  } catch (error) {
    throw failure(request, path, error);
  }
};
