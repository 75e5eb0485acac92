import { type Dispatcher, Pool } from "undici";
import type { CallOptions, Document, OperationMethod, PageWalker, VariablesArgs } from "./client-types.js";
import { FlowdoctorError } from "./errors.js";
import {
  ContractDocument,
  type ContractQuery,
  type ContractQueryVariables,
  ContractsDocument,
  type ContractsQuery,
  type ContractsQueryVariables,
  DiagnoseFlowDocument,
  type DiagnoseFlowQuery,
  type DiagnoseFlowQueryVariables,
  DiagnoseWorkspaceDocument,
  type DiagnoseWorkspaceQuery,
  type DiagnoseWorkspaceQueryVariables,
  FlowDocument,
  type FlowQuery,
  type FlowQueryVariables,
  FlowsDocument,
  type FlowsQuery,
  type FlowsQueryVariables,
  GatewayDocument,
  type GatewayQuery,
  type GatewayQueryVariables,
  MeDocument,
  type MeQuery,
  type MeQueryVariables,
  WorkspaceDocument,
  type WorkspaceQuery,
  type WorkspaceQueryVariables,
  WorkspacesDocument,
  type WorkspacesQuery,
  type WorkspacesQueryVariables,
} from "./generated/index.js";
import { operationInfo } from "./graphql/operation-info.js";
import { type FlowdoctorResult, readResponse } from "./graphql/read-response.js";
import { type FlowdoctorClientOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { type Connection, walkPages } from "./paginate.js";
import { sendWithRetries } from "./transport/send-with-retries.js";

/** A typed client of the Flowdoctor gateway: one method per operation, page walkers, and `request`. */
export interface FlowdoctorClient {
  /** Facts about the gateway: version, upstream mode, limits, demo logins. Needs no login. */
  readonly gateway: OperationMethod<GatewayQuery, GatewayQueryVariables, "gateway">;
  /** The caller, as the platform knows them. */
  readonly me: OperationMethod<MeQuery, MeQueryVariables, "me">;
  /** One page of the caller's contracts. */
  readonly contracts: OperationMethod<ContractsQuery, ContractsQueryVariables, "contracts">;
  /** One contract; rejects with `NOT_FOUND` or `FORBIDDEN` when it is not visible. */
  readonly contract: OperationMethod<ContractQuery, ContractQueryVariables, "contract">;
  /** One page of the caller's workspaces, optionally of one contract. */
  readonly workspaces: OperationMethod<WorkspacesQuery, WorkspacesQueryVariables, "workspaces">;
  /** One workspace with its contract; rejects with `NOT_FOUND` or `FORBIDDEN` when it is not visible. */
  readonly workspace: OperationMethod<WorkspaceQuery, WorkspaceQueryVariables, "workspace">;
  /** One page of a workspace's flows, filtered by the platform. */
  readonly flows: OperationMethod<FlowsQuery, FlowsQueryVariables, "flows">;
  /** One flow with its author and steps; rejects with `NOT_FOUND` or `FORBIDDEN` when it is not visible. */
  readonly flow: OperationMethod<FlowQuery, FlowQueryVariables, "flow">;
  /** The troubleshooting guide applied to one flow: verdict, findings, walk-through and a ticket draft. */
  readonly diagnoseFlow: OperationMethod<DiagnoseFlowQuery, DiagnoseFlowQueryVariables, "diagnoseFlow">;
  /** One page of every flow's verdict in a workspace, worst first. */
  readonly diagnoseWorkspace: OperationMethod<
    DiagnoseWorkspaceQuery,
    DiagnoseWorkspaceQueryVariables,
    "diagnoseWorkspace"
  >;
  /** Every contract of the caller, all pages. */
  readonly allContracts: PageWalker<ContractsQuery, ContractsQueryVariables, "contracts">;
  /** Every workspace of the caller (optionally of one contract), all pages. */
  readonly allWorkspaces: PageWalker<WorkspacesQuery, WorkspacesQueryVariables, "workspaces">;
  /** Every flow of a workspace, all pages. */
  readonly allFlows: PageWalker<FlowsQuery, FlowsQueryVariables, "flows">;
  /** Every flow verdict of a workspace diagnosis, worst first, all pages. */
  readonly allFlowVerdicts: PageWalker<
    DiagnoseWorkspaceQuery,
    DiagnoseWorkspaceQueryVariables,
    "diagnoseWorkspace"
  >;
  /**
   * Runs any typed document (the SDK's or one's own `TypedDocumentString`). Resolves to the data with the
   * errors of fields that failed; rejects when the answer has no data at all.
   */
  request<TData, TVariables>(
    document: Document<TData, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<FlowdoctorResult<TData>>;
  /**
   * Walks every page of a connection in one's own document: `select` picks the connection out of the
   * data; the document must take an `$after: String` variable and select `pageInfo { hasNextPage endCursor }`.
   */
  paginate<TData, TVariables extends { after?: string | null | undefined }, TNode>(
    document: Document<TData, TVariables>,
    variables: Omit<TVariables, "after">,
    select: (data: TData) => Connection<TNode>,
    options?: CallOptions,
  ): AsyncGenerator<TNode, void, undefined>;
  /** Closes the connections the client opened (not a `dispatcher` it was given). */
  close(): Promise<void>;
}

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

const createExecute = (options: ResolvedOptions, dispatcher: Dispatcher): Execute => {
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
        dispatcher,
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
  const ownPool = options.dispatcher
    ? undefined
    : new Pool(options.url.origin, { connections: 16, keepAliveTimeout: 30_000, pipelining: 1 });
  const execute = createExecute(options, options.dispatcher ?? (ownPool as Dispatcher));
  const run = <TData>(document: Document<TData, never>, args: readonly unknown[]) => {
    const [variables, callOptions] = args as [unknown, CallOptions | undefined];
    checkCallOptions(callOptions);
    return execute(document, variables, callOptions);
  };
  // biome-ignore lint/suspicious/noExplicitAny: one implementation serves every method's generic signature
  const method = (document: Document<any, any>, field: string): any => {
    return async (...args: unknown[]) => pickField(await run(document, args), field);
  };
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const walker = (document: Document<any, any>, field: string): any => {
    return (variables: object = {}, callOptions?: CallOptions) =>
      walkPages(async (after) =>
        pickField(await run(document, [{ ...variables, after }, callOptions]), field),
      );
  };
  return {
    gateway: method(GatewayDocument, "gateway"),
    me: method(MeDocument, "me"),
    contracts: method(ContractsDocument, "contracts"),
    contract: method(ContractDocument, "contract"),
    workspaces: method(WorkspacesDocument, "workspaces"),
    workspace: method(WorkspaceDocument, "workspace"),
    flows: method(FlowsDocument, "flows"),
    flow: method(FlowDocument, "flow"),
    diagnoseFlow: method(DiagnoseFlowDocument, "diagnoseFlow"),
    diagnoseWorkspace: method(DiagnoseWorkspaceDocument, "diagnoseWorkspace"),
    allContracts: walker(ContractsDocument, "contracts"),
    allWorkspaces: walker(WorkspacesDocument, "workspaces"),
    allFlows: walker(FlowsDocument, "flows"),
    allFlowVerdicts: walker(DiagnoseWorkspaceDocument, "diagnoseWorkspace"),
    request: (document, ...args) => run(document, args),
    paginate: (document, variables, select, callOptions) =>
      walkPages(async (after) => {
        const result = await run(document, [{ ...variables, after }, callOptions]);
        return { data: select(result.data), errors: result.errors };
      }),
    close: async () => {
      await ownPool?.close();
    },
  };
};
