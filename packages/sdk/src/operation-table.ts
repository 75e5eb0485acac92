import type { FlowdoctorClient } from "./flowdoctor-client.js";
import * as G from "./generated/index.js";

type WalkerName = Extract<keyof FlowdoctorClient, `all${string}`>;
type MethodName = Exclude<
  keyof FlowdoctorClient,
  WalkerName | "request" | "paginate" | "close" | "subscribe"
>;

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
  rootCauses: G.RootCausesDocument,
  flowHealth: G.FlowHealthDocument,
  classifyError: G.ClassifyErrorDocument,
  errors: G.ErrorsDocument,
  errorGroups: G.ErrorGroupsDocument,
  errorGroup: G.ErrorGroupDocument,
  setErrorGroupState: G.SetErrorGroupStateDocument,
  alertRules: G.AlertRulesDocument,
  alertChannels: G.AlertChannelsDocument,
  setAlertRule: G.SetAlertRuleDocument,
  deleteAlertRule: G.DeleteAlertRuleDocument,
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
  retryTicketDelivery: G.RetryTicketDeliveryDocument,
  cancelTicket: G.CancelTicketDocument,
  resolveTicket: G.ResolveTicketDocument,
  restoreRedaction: G.RestoreRedactionDocument,
  redactSpan: G.RedactSpanDocument,
};

/** Each page walker's document and connection field. */
export const PAGE_WALKERS: { readonly [TName in WalkerName]: readonly [object, string] } = {
  allContracts: [G.ContractsDocument, "contracts"],
  allWorkspaces: [G.WorkspacesDocument, "workspaces"],
  allFlows: [G.FlowsDocument, "flows"],
  allFlowVerdicts: [G.DiagnoseWorkspaceDocument, "diagnoseWorkspace"],
  allErrors: [G.ErrorsDocument, "errors"],
  allErrorGroups: [G.ErrorGroupsDocument, "errorGroups"],
  allLogs: [G.LogsDocument, "logs"],
  allTickets: [G.TicketsDocument, "tickets"],
};
