export type { MigrationFolder, MigrationResult } from "./db/migrate.js";
export { MIGRATIONS_DIR, migrateDb, migrateTicketDb, TICKET_MIGRATIONS } from "./db/migrate.js";
export type { OpenTicketDbOptions, SqlSession, TicketDatabase, TicketDb } from "./db/open-ticket-db.js";
export { openTicketDb } from "./db/open-ticket-db.js";
export type {
  AttachmentKind,
  AttachmentRow,
  DeliveryStatus,
  OccurrenceRow,
  OutboxJobKind,
  OutboxRow,
  RedactionRow,
  RedactionStatus,
  StatusRow,
  TicketFields,
  TicketRow,
  TicketStatus,
  TimelineRow,
} from "./db/schema.js";
export type { AcquireStoreLockOptions, LockHolder, StoreLock } from "./db/store-lock.js";
export { acquireStoreLock, StoreLockedError } from "./db/store-lock.js";
export type { AlertChannel, AlertChannelConfig, AlertChannelKind } from "./delivery/alert-channel.js";
export { ALERT_CHANNEL_KINDS, createAlertChannel } from "./delivery/alert-channel.js";
export { readAlertChannels } from "./delivery/alert-channel-config.js";
export type {
  AlertEventKind,
  AlertGroup,
  AlertItem,
  AlertMessage,
  OutgoingAlert,
} from "./delivery/alert-message.js";
export {
  ALERT_EVENT_KINDS,
  alertMailOptions,
  alertMessageId,
  alertText,
  alertWebhookPayload,
  slackPayload,
  teamsPayload,
} from "./delivery/alert-message.js";
export type { DeliveryChannel, DeliveryChannelName, OutgoingTicket } from "./delivery/delivery-channel.js";
export { DELIVERY_CHANNELS } from "./delivery/delivery-channel.js";
export { createMailFolderChannel } from "./delivery/mail-folder-channel.js";
export type { SmtpChannelOptions } from "./delivery/smtp-channel.js";
export { createSmtpChannel } from "./delivery/smtp-channel.js";
export type { StandardWebhookMessage } from "./delivery/standard-webhook.js";
export {
  isStandardWebhookSecret,
  STANDARD_SECRET_PREFIX,
  signStandardWebhook,
  standardSecretProblem,
  standardWebhookHeaders,
} from "./delivery/standard-webhook.js";
export type { MessageOptions, TicketMessage, TicketMessageAttachment } from "./delivery/ticket-message.js";
export { composeTicketMessage, ticketMessageId } from "./delivery/ticket-message.js";
export type { WebhookChannelOptions } from "./delivery/webhook-channel.js";
export { createWebhookChannel, webhookPayload } from "./delivery/webhook-channel.js";
export type { VerifySignatureOptions } from "./delivery/webhook-signature.js";
export {
  DELIVERY_ID_HEADER,
  SIGNATURE_HEADER,
  signWebhookBody,
  verifyWebhookSignature,
} from "./delivery/webhook-signature.js";
export type { TicketListOptions, TicketPage } from "./list-tickets.js";
export type { AlertJob, StoreTx } from "./outbox/alert-jobs.js";
export { enqueueAlertJob } from "./outbox/alert-jobs.js";
export type { BackoffOptions } from "./outbox/backoff.js";
export { backoffDelayMs } from "./outbox/backoff.js";
export type { OutboxEvents, OutboxWorker, OutboxWorkerOptions } from "./outbox/outbox-worker.js";
export { createOutboxWorker } from "./outbox/outbox-worker.js";
export { followUpMessageId } from "./problems/follow-up.js";
export type { ReportOutcome, ReportProblemInput, ReportResult } from "./problems/report-problem.js";
export type { PreviewField, PreviewMark, TicketPreview } from "./redactions/preview-ticket.js";
export type { RedactSpanInput } from "./redactions/review-redactions.js";
export type { TicketAccess, TicketLookups, TicketOwnership, TicketWorkspace } from "./ticket-access.js";
export type { TicketErrorCode, TicketErrorExtensions, TicketInputProblem } from "./ticket-errors.js";
export { TicketError } from "./ticket-errors.js";
export type { TicketFieldsPatch } from "./ticket-fields.js";
export { requireTicketLogs } from "./ticket-guards.js";
export type { CreateTicketInput, TicketService } from "./ticket-service.js";
export { createTicketService } from "./ticket-service.js";
export type { TicketServiceDeps } from "./ticket-service-deps.js";
export type { AttachmentMeta, TicketView } from "./ticket-view.js";
