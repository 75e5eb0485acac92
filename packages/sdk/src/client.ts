import type { CallOptions, Document } from "./client-types.js";
import { FlowdoctorError } from "./errors.js";
import type { FlowdoctorClient } from "./flowdoctor-client.js";
import { operationInfo } from "./graphql/operation-metadata.js";
import { type FlowdoctorResult, readResponse } from "./graphql/read-response.js";
import { createSubscriptions } from "./live/subscriptions.js";
import { OPERATION_DOCUMENTS, PAGE_WALKERS } from "./operation-table.js";
import { type FlowdoctorClientOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { type Connection, walkPages } from "./paginate.js";
import { sendWithRetries } from "./transport/send-with-retries.js";

const withHeaders = (base: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>>) => {
  const headers = { ...base };
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return headers;
};

type Execute = <TData>(
  document: Document<TData, never>,
  variables: unknown,
  options: CallOptions | undefined,
) => Promise<FlowdoctorResult<TData>>;

const createExecute = (options: ResolvedOptions): Execute => {
  return async (document, variables, callOptions) => {
    const info = operationInfo(document);
    const body =
      variables === undefined
        ? `${info.bodyPrefix}}`
        : `${info.bodyPrefix},"variables":${JSON.stringify(variables)}}`;
    const headers = callOptions?.headers
      ? withHeaders(options.headers, callOptions.headers)
      : options.headers;
    const answer = await sendWithRetries(
      {
        fetch: options.fetch,
        dispatcher: options.dispatcher,
        url: options.url,
        headers,
        body,
        timeoutMs: callOptions?.timeoutMs ?? options.timeoutMs,
        signal: callOptions?.signal,
        operationName: info.name,
      },
      { retries: info.kind === "query" ? options.retries : 0, delayMs: options.retryDelayMs },
    );
    return readResponse(answer, info.name);
  };
};

/** The top-level field of a result; its own error (or the first) when the field itself failed. */
const pickField = <TData, TField extends keyof TData>(
  result: FlowdoctorResult<TData>,
  field: TField,
): FlowdoctorResult<NonNullable<TData[TField]>> => {
  const value = result.data[field];
  if (value !== null && value !== undefined) return { data: value, errors: result.errors };
  const own = result.errors.find((error) => error.path?.length === 1 && error.path[0] === field);
  throw (
    own ??
    result.errors[0] ??
    new FlowdoctorError("INVALID_RESPONSE", `the gateway answered ${String(field)} with null and no error`)
  );
};

/** A document whose metadata lists its variables must take `$after`, or every page would be the first. */
const checkPageable = (document: Document<unknown, never>): void => {
  const { name, variableNames } = operationInfo(document);
  if (variableNames && !variableNames.has("after")) {
    throw new FlowdoctorError(
      "INVALID_OPTION",
      `paginate needs a document with an $after: String variable (${name ?? "this document"} has none)`,
    );
  }
};

const checkCallOptions = (options: CallOptions | undefined): void => {
  const timeoutMs = options?.timeoutMs;
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= 1 && timeoutMs <= 600_000)) {
    throw new FlowdoctorError(
      "INVALID_OPTION",
      `timeoutMs must be an integer from 1 to 600000 (got ${timeoutMs})`,
    );
  }
};

/**
 * Creates a client of the gateway at `url`. Options are checked here; a broken one throws `INVALID_OPTION`
 * naming it. Queries are retried on network errors and 502/503/504, mutations never.
 */
export const createFlowdoctorClient = (clientOptions: FlowdoctorClientOptions): FlowdoctorClient => {
  const options = resolveOptions(clientOptions);
  const execute = createExecute(options);
  const live = createSubscriptions(options);
  const run = <TData>(document: Document<TData, never>, args: readonly unknown[]) => {
    const [variables, callOptions] = args as [unknown, CallOptions | undefined];
    checkCallOptions(callOptions);
    return execute(document, variables, callOptions);
  };
  const methods = Object.entries(OPERATION_DOCUMENTS).map(([name, document]) => [
    name,
    async (...args: unknown[]) =>
      pickField(await run(document as Document<Record<string, unknown>, never>, args), name),
  ]);
  const walkers = Object.entries(PAGE_WALKERS).map(([name, [document, field]]) => [
    name,
    (variables: object = {}, callOptions?: CallOptions) =>
      walkPages(async (after) => {
        const args = [{ ...variables, after }, callOptions];
        const { data, errors } = pickField(
          await run(document as Document<Record<string, unknown>, never>, args),
          field,
        );
        return { data: data as Connection<unknown>, errors };
      }),
  ]);
  // The tables are checked against FlowdoctorClient's names; each entry's types come from its document.
  return {
    ...(Object.fromEntries([...methods, ...walkers]) as Omit<
      FlowdoctorClient,
      "request" | "paginate" | "close" | "subscribe"
    >),
    subscribe: live.subscriptions,
    request: (document, ...args) => run(document, args),
    paginate: (document, variables, select, callOptions) => {
      checkPageable(document as Document<unknown, never>);
      return walkPages(async (after) => {
        const result = await run(document, [{ ...variables, after }, callOptions]);
        return { data: select(result.data), errors: result.errors };
      });
    },
    // fetch owns the HTTP connections; the WebSocket one (if any subscription opened it) is closed here.
    close: () => live.close(),
  };
};
