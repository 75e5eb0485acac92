import type { CallOptions, Document, OperationMethod, PageWalker, VariablesArgs } from "./client-types.js";
import type * as G from "./generated/index.js";
import type { FlowdoctorResult } from "./graphql/read-response.js";
import type { FlowdoctorSubscriptions } from "./live/subscriptions.js";
import type { Connection } from "./paginate.js";

/** A typed client of the Flowdoctor gateway: one method per operation, page walkers, and `request`. */
export interface FlowdoctorClient {
  /** Facts about the gateway: version, upstream mode, limits, demo logins. Needs no login. */
  readonly gateway: OperationMethod<G.GatewayQuery, G.GatewayQueryVariables, "gateway">;
  /** The caller, as the platform knows them. */
  readonly me: OperationMethod<G.MeQuery, G.MeQueryVariables, "me">;
  /** One page of the caller's contracts. */
  readonly contracts: OperationMethod<G.ContractsQuery, G.ContractsQueryVariables, "contracts">;
  /** One contract; rejects with `NOT_FOUND` or `FORBIDDEN` when it is not visible. */
  readonly contract: OperationMethod<G.ContractQuery, G.ContractQueryVariables, "contract">;
  /** One page of the caller's workspaces, optionally of one contract. */
  readonly workspaces: OperationMethod<G.WorkspacesQuery, G.WorkspacesQueryVariables, "workspaces">;
  /** One workspace with its contract; rejects with `NOT_FOUND` or `FORBIDDEN` when it is not visible. */
  readonly workspace: OperationMethod<G.WorkspaceQuery, G.WorkspaceQueryVariables, "workspace">;
  /** One page of a workspace's flows, filtered by the platform. */
  readonly flows: OperationMethod<G.FlowsQuery, G.FlowsQueryVariables, "flows">;
  /** One flow with its author and steps; rejects with `NOT_FOUND` or `FORBIDDEN` when it is not visible. */
  readonly flow: OperationMethod<G.FlowQuery, G.FlowQueryVariables, "flow">;
  /** The troubleshooting guide applied to one flow: verdict, findings, walk-through and a ticket draft. */
  readonly diagnoseFlow: OperationMethod<G.DiagnoseFlowQuery, G.DiagnoseFlowQueryVariables, "diagnoseFlow">;
  /** One page of every flow's verdict in a workspace, worst first. */
  readonly diagnoseWorkspace: OperationMethod<
    G.DiagnoseWorkspaceQuery,
    G.DiagnoseWorkspaceQueryVariables,
    "diagnoseWorkspace"
  >;
  /** What breaks many flows at once: failing flows grouped by shared credential, host, component version and cause. */
  readonly rootCauses: OperationMethod<G.RootCausesQuery, G.RootCausesQueryVariables, "rootCauses">;
  /** Flows that went quiet: each flow against its own 14-day rhythm, missed cron runs and stuck consumers. */
  readonly flowHealth: OperationMethod<G.FlowHealthQuery, G.FlowHealthQueryVariables, "flowHealth">;
  /** Classifies any error text into the troubleshooting taxonomy. Needs no login. */
  readonly classifyError: OperationMethod<
    G.ClassifyErrorQuery,
    G.ClassifyErrorQueryVariables,
    "classifyError"
  >;
  /** One page of a workspace's error inbox, newest first, each error classified. */
  readonly errors: OperationMethod<G.ErrorsQuery, G.ErrorsQueryVariables, "errors">;
  /** One page of a workspace's errors grouped by fingerprint (flow, step, normalised message), latest first. */
  readonly errorGroups: OperationMethod<G.ErrorGroupsQuery, G.ErrorGroupsQueryVariables, "errorGroups">;
  /** One error group with its latest errors; rejects with `NOT_FOUND` when the scanned errors have none. */
  readonly errorGroup: OperationMethod<G.ErrorGroupQuery, G.ErrorGroupQueryVariables, "errorGroup">;
  /** Resolves, ignores, snoozes or reopens an error group with a note; the inbox remembers who and when. */
  readonly setErrorGroupState: OperationMethod<
    G.SetErrorGroupStateMutation,
    G.SetErrorGroupStateMutationVariables,
    "setErrorGroupState"
  >;
  /** A workspace's alert rules, by name. */
  readonly alertRules: OperationMethod<G.AlertRulesQuery, G.AlertRulesQueryVariables, "alertRules">;
  /** The alert channels the gateway is configured with: names and kinds, never targets or secrets. */
  readonly alertChannels: OperationMethod<
    G.AlertChannelsQuery,
    G.AlertChannelsQueryVariables,
    "alertChannels"
  >;
  /** Creates or replaces (by name) an alert rule of a workspace. */
  readonly setAlertRule: OperationMethod<
    G.SetAlertRuleMutation,
    G.SetAlertRuleMutationVariables,
    "setAlertRule"
  >;
  /** Deletes a workspace's alert rule by name. */
  readonly deleteAlertRule: OperationMethod<
    G.DeleteAlertRuleMutation,
    G.DeleteAlertRuleMutationVariables,
    "deleteAlertRule"
  >;
  /** One page of a workspace's logs, newest first, secrets redacted. */
  readonly logs: OperationMethod<G.LogsQuery, G.LogsQueryVariables, "logs">;
  /** Logs as a redacted text file for a support ticket, oldest first. */
  readonly logFile: OperationMethod<G.LogFileQuery, G.LogFileQueryVariables, "logFile">;
  /** One ticket; rejects with `NOT_FOUND` unless the caller may see it. */
  readonly ticket: OperationMethod<G.TicketQuery, G.TicketQueryVariables, "ticket">;
  /** One page of the tickets the caller may see, newest first. */
  readonly tickets: OperationMethod<G.TicketsQuery, G.TicketsQueryVariables, "tickets">;
  /** Exactly the message support will receive for a ticket. */
  readonly ticketPreview: OperationMethod<
    G.TicketPreviewQuery,
    G.TicketPreviewQueryVariables,
    "ticketPreview"
  >;
  /** Starts a ticket draft with any subset of fields. Never retried. */
  readonly createTicketDraft: OperationMethod<
    G.CreateTicketDraftMutation,
    G.CreateTicketDraftMutationVariables,
    "createTicketDraft"
  >;
  /** Diagnoses the flow and starts a draft with everything the diagnosis knows. Never retried. */
  readonly createTicketFromDiagnosis: OperationMethod<
    G.CreateTicketFromDiagnosisMutation,
    G.CreateTicketFromDiagnosisMutationVariables,
    "createTicketFromDiagnosis"
  >;
  /** Changes a draft: absent fields stay, null clears. Never retried. */
  readonly updateTicket: OperationMethod<
    G.UpdateTicketMutation,
    G.UpdateTicketMutationVariables,
    "updateTicket"
  >;
  /** Adds an event to a draft's timeline. Never retried. */
  readonly addTimelineEvent: OperationMethod<
    G.AddTimelineEventMutation,
    G.AddTimelineEventMutationVariables,
    "addTimelineEvent"
  >;
  /** Attaches a log, error text or screenshot to a draft. Never retried. */
  readonly addAttachment: OperationMethod<
    G.AddAttachmentMutation,
    G.AddAttachmentMutationVariables,
    "addAttachment"
  >;
  /** Removes an attachment from a draft and answers the ticket. Never retried. */
  readonly removeAttachment: OperationMethod<
    G.RemoveAttachmentMutation,
    G.RemoveAttachmentMutationVariables,
    "removeAttachment"
  >;
  /**
   * Checks the ticket against the guide's rules and queues its delivery; `BAD_USER_INPUT` lists every problem
   * in `problems`. The same `idempotencyKey` twice gives the same ticket and one delivery, so a caller may retry
   * with the same key. The SDK itself never retries it.
   */
  readonly submitTicket: OperationMethod<
    G.SubmitTicketMutation,
    G.SubmitTicketMutationVariables,
    "submitTicket"
  >;
  /**
   * Queues a FAILED delivery again with a fresh set of attempts and the same Message-ID; `BAD_USER_INPUT` for any
   * other delivery state. Never retried.
   */
  readonly retryTicketDelivery: OperationMethod<
    G.RetryTicketDeliveryMutation,
    G.RetryTicketDeliveryMutationVariables,
    "retryTicketDelivery"
  >;
  /** Gives up a draft. Never retried. */
  readonly cancelTicket: OperationMethod<
    G.CancelTicketMutation,
    G.CancelTicketMutationVariables,
    "cancelTicket"
  >;
  /** Marks a submitted ticket resolved; its problem returning reopens it. Never retried. */
  readonly resolveTicket: OperationMethod<
    G.ResolveTicketMutation,
    G.ResolveTicketMutationVariables,
    "resolveTicket"
  >;
  /** Marks a redaction of a draft wrong: its text goes back, recorded in the history. Never retried. */
  readonly restoreRedaction: OperationMethod<
    G.RestoreRedactionMutation,
    G.RestoreRedactionMutationVariables,
    "restoreRedaction"
  >;
  /** Masks a span of a draft's text by hand, recorded in the history. Never retried. */
  readonly redactSpan: OperationMethod<G.RedactSpanMutation, G.RedactSpanMutationVariables, "redactSpan">;
  /** Every contract of the caller, all pages. */
  readonly allContracts: PageWalker<G.ContractsQuery, G.ContractsQueryVariables, "contracts">;
  /** Every workspace of the caller (optionally of one contract), all pages. */
  readonly allWorkspaces: PageWalker<G.WorkspacesQuery, G.WorkspacesQueryVariables, "workspaces">;
  /** Every flow of a workspace, all pages. */
  readonly allFlows: PageWalker<G.FlowsQuery, G.FlowsQueryVariables, "flows">;
  /** Every flow verdict of a workspace diagnosis, worst first, all pages. */
  readonly allFlowVerdicts: PageWalker<
    G.DiagnoseWorkspaceQuery,
    G.DiagnoseWorkspaceQueryVariables,
    "diagnoseWorkspace"
  >;
  /** Every error of a workspace's inbox, newest first, all pages. */
  readonly allErrors: PageWalker<G.ErrorsQuery, G.ErrorsQueryVariables, "errors">;
  /** Every error group of a workspace, latest first, all pages. */
  readonly allErrorGroups: PageWalker<G.ErrorGroupsQuery, G.ErrorGroupsQueryVariables, "errorGroups">;
  /** Every log entry of a workspace that matches the filter, newest first, all pages. */
  readonly allLogs: PageWalker<G.LogsQuery, G.LogsQueryVariables, "logs">;
  /** Every ticket the caller may see that matches the filter, newest first, all pages. */
  readonly allTickets: PageWalker<G.TicketsQuery, G.TicketsQueryVariables, "tickets">;
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
  /**
   * Typed subscriptions over WebSocket (`graphql-ws`), each an async iterator, e.g.
   * `for await (const event of client.subscribe.errorGroupEvents({ workspaceId }))`. One connection serves them
   * all; it opens with the first and reconnects after a drop (`reconnectAttempts`).
   */
  readonly subscribe: FlowdoctorSubscriptions;
  /**
   * Releases the client. It holds no connections of its own (`fetch` pools them), so this resolves at once;
   * call it anyway, so code keeps working should the transport ever hold some.
   */
  close(): Promise<void>;
}
