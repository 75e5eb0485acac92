import type { TicketDraft } from "@flowdoctor/core";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Where a ticket is in its life: written, handed to support, or given up. */
export type TicketStatus = "DRAFT" | "SUBMITTED" | "CANCELLED";
/** Where a submitted ticket's delivery is. */
export type DeliveryStatus = "PENDING" | "DELIVERED" | "FAILED";
/** What an attachment holds: a PNG/JPEG screenshot, a log file, or an error text. */
export type AttachmentKind = "SCREENSHOT" | "LOG" | "ERROR_TEXT";

/** The stored scalar fields: core's draft without the parts kept in their own tables. */
export type TicketFields = Omit<TicketDraft, "timeline" | "screenshots" | "logs">;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

/** `tickets` (see `migrations/0001_tickets.sql`, which is the source of truth). */
export const tickets = pgTable("tickets", {
  id: uuid("id").primaryKey(),
  number: integer("number").notNull().default(sql`nextval('ticket_number_seq')`),
  ownerUserId: text("owner_user_id").notNull(),
  contractId: text("contract_id"),
  status: text("status").$type<TicketStatus>().notNull().default("DRAFT"),
  fields: jsonb("fields").$type<TicketFields>().notNull(),
  idempotencyKey: text("idempotency_key"),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
  /** How often the problem was reported: 1 when the ticket was made, one more per later occurrence. */
  occurrences: integer("occurrences").notNull().default(1),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }),
  resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
  reopenedCount: integer("reopened_count").notNull().default(0),
});

/** `ticket_fingerprints` (see `migrations/0003_ticket_problems.sql`): the problems a ticket was made for. */
export const ticketFingerprints = pgTable(
  "ticket_fingerprints",
  {
    ticketId: uuid("ticket_id").notNull(),
    contractId: text("contract_id").notNull(),
    fingerprint: text("fingerprint").notNull(),
    open: boolean("open").notNull().default(true),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.ticketId, table.fingerprint] })],
);

/** `ticket_occurrences`: each later report of a ticket's problem. */
export const ticketOccurrences = pgTable("ticket_occurrences", {
  id: uuid("id").primaryKey(),
  ticketId: uuid("ticket_id").notNull(),
  fingerprint: text("fingerprint").notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  excerpt: text("excerpt"),
  reportedBy: text("reported_by").notNull(),
  reopened: boolean("reopened").notNull().default(false),
  seq: bigserial("seq", { mode: "number" }).notNull(),
});

/** Whether a redaction still masks its span or a person restored it. */
export type RedactionStatus = "ACTIVE" | "RESTORED";

/** `ticket_redactions`: every marker in a ticket's stored text, what kind of secret it hides and where. */
export const ticketRedactions = pgTable("ticket_redactions", {
  id: uuid("id").primaryKey(),
  ticketId: uuid("ticket_id").notNull(),
  field: text("field").notNull(),
  kind: text("kind").notNull(),
  position: integer("position").notNull(),
  original: text("original"),
  status: text("status").$type<RedactionStatus>().notNull().default("ACTIVE"),
  createdAt: createdAt(),
  seq: bigserial("seq", { mode: "number" }).notNull(),
});

export const ticketTimeline = pgTable("ticket_timeline", {
  id: uuid("id").primaryKey(),
  ticketId: uuid("ticket_id").notNull(),
  at: text("at").notNull(),
  event: text("event").notNull(),
  seq: bigserial("seq", { mode: "number" }).notNull(),
  createdAt: createdAt(),
});

export const ticketAttachments = pgTable("ticket_attachments", {
  id: uuid("id").primaryKey(),
  ticketId: uuid("ticket_id").notNull(),
  kind: text("kind").$type<AttachmentKind>().notNull(),
  name: text("name").notNull(),
  mediaType: text("media_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  content: bytea("content").notNull(),
  seq: bigserial("seq", { mode: "number" }).notNull(),
  createdAt: createdAt(),
});

export const ticketStatusHistory = pgTable("ticket_status_history", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  ticketId: uuid("ticket_id").notNull(),
  status: text("status").notNull(),
  actorUserId: text("actor_user_id"),
  note: text("note"),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** What an outbox job delivers: a ticket to support, or an alert message to a configured channel. */
export type OutboxJobKind = "TICKET" | "ALERT";

export const ticketOutbox = pgTable("ticket_outbox", {
  id: uuid("id").primaryKey(),
  kind: text("kind").$type<OutboxJobKind>().notNull().default("TICKET"),
  /** Set for TICKET jobs only. */
  ticketId: uuid("ticket_id"),
  /** An ALERT job's idempotency key (unique). */
  jobKey: text("job_key"),
  /** An ALERT job's message. */
  payload: jsonb("payload").$type<unknown>(),
  channel: text("channel").notNull(),
  messageId: text("message_id").notNull(),
  status: text("status").$type<DeliveryStatus>().notNull().default("PENDING"),
  attempts: integer("attempts").notNull().default(0),
  maxAttempts: integer("max_attempts").notNull(),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "date" }),
  leaseToken: uuid("lease_token"),
  lastError: text("last_error"),
  createdAt: createdAt(),
  deliveredAt: timestamp("delivered_at", { withTimezone: true, mode: "date" }),
  /** 0: the ticket's own delivery; 1, 2, ...: follow-ups threaded to it. */
  followUp: integer("follow_up").notNull().default(0),
});

/** Every table, for drizzle's typed queries. */
export const ticketSchema = {
  tickets,
  ticketTimeline,
  ticketAttachments,
  ticketStatusHistory,
  ticketOutbox,
  ticketFingerprints,
  ticketOccurrences,
  ticketRedactions,
};

export type TicketRow = typeof tickets.$inferSelect;
export type TimelineRow = typeof ticketTimeline.$inferSelect;
export type AttachmentRow = typeof ticketAttachments.$inferSelect;
export type StatusRow = typeof ticketStatusHistory.$inferSelect;
export type OutboxRow = typeof ticketOutbox.$inferSelect;
export type OccurrenceRow = typeof ticketOccurrences.$inferSelect;
export type RedactionRow = typeof ticketRedactions.$inferSelect;
