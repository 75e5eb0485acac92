import type { FlowdoctorClient } from "./flowdoctor-client.js";
import * as G from "./generated/index.js";
import type { Connection } from "./paginate.js";

type WalkerName = Extract<keyof FlowdoctorClient, `all${string}`>;
type MethodName = Exclude<keyof FlowdoctorClient, WalkerName | "request" | "paginate" | "close">;

/**
 * The document behind each operation method; a method's name is also its operation's top-level field. The
 * mapped type makes the compiler reject a method of {@link FlowdoctorClient} missing here, or one too many.
 */
export const OPERATION_DOCUMENTS: { readonly [TName in MethodName]: object } = {
  gateway: G.GatewayDocument,
  me: G.MeDocument,
  contracts: G.ContractsDocument,
  contract: G.ContractDocument,
  workspaces: G.WorkspacesDocument,
  workspace: G.WorkspaceDocument,
  flows: G.FlowsDocument,
  flow: G.FlowDocument,
  diagnoseFlow: G.DiagnoseFlowDocument,
  diagnoseWorkspace: G.DiagnoseWorkspaceDocument,
  classifyError: G.ClassifyErrorDocument,
  errors: G.ErrorsDocument,
  errorGroups: G.ErrorGroupsDocument,
  errorGroup: G.ErrorGroupDocument,
  logs: G.LogsDocument,
  logFile: G.LogFileDocument,
  ticket: G.TicketDocument,
  tickets: G.TicketsDocument,
  ticketPreview: G.TicketPreviewDocument,
  createTicketDraft: G.CreateTicketDraftDocument,
  createTicketFromDiagnosis: G.CreateTicketFromDiagnosisDocument,
  updateTicket: G.UpdateTicketDocument,
  addTimelineEvent: G.AddTimelineEventDocument,
  addAttachment: G.AddAttachmentDocument,
  removeAttachment: G.RemoveAttachmentDocument,
  submitTicket: G.SubmitTicketDocument,
  cancelTicket: G.CancelTicketDocument,
};

/** Turns a connection field's value into the shape the walkers read. */
export type PageShape = (value: unknown) => Connection<unknown>;

const relay: PageShape = (value) => value as Connection<unknown>;

/** The ticket list keeps `hasNextPage` and `endCursor` beside its nodes instead of in `pageInfo`. */
const ticketList: PageShape = (value) => {
  const page = value as { hasNextPage: boolean; endCursor: string | null; nodes: readonly unknown[] };
  return { pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor }, nodes: page.nodes };
};

/** Each page walker's document, connection field and page shape. */
export const PAGE_WALKERS: { readonly [TName in WalkerName]: readonly [object, string, PageShape] } = {
  allContracts: [G.ContractsDocument, "contracts", relay],
  allWorkspaces: [G.WorkspacesDocument, "workspaces", relay],
  allFlows: [G.FlowsDocument, "flows", relay],
  allFlowVerdicts: [G.DiagnoseWorkspaceDocument, "diagnoseWorkspace", relay],
  allErrors: [G.ErrorsDocument, "errors", relay],
  allErrorGroups: [G.ErrorGroupsDocument, "errorGroups", relay],
  allLogs: [G.LogsDocument, "logs", relay],
  allTickets: [G.TicketsDocument, "tickets", ticketList],
};
