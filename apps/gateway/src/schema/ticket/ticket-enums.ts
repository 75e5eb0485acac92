import { TICKET_PRIORITIES, type TicketPriority } from "@flowdoctor/core";
import { registerEnumType } from "type-graphql";
import type { AttachmentKind, DeliveryStatus, TicketStatus } from "../../tickets/db/schema.js";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const TicketStatusEnum = enumOf<TicketStatus>(["DRAFT", "SUBMITTED", "CANCELLED"]);
registerEnumType(TicketStatusEnum, {
  name: "TicketStatus",
  description: "DRAFT while being written; SUBMITTED once handed to delivery; CANCELLED when given up.",
});

export const DeliveryStatusEnum = enumOf<DeliveryStatus>(["PENDING", "DELIVERED", "FAILED"]);
registerEnumType(DeliveryStatusEnum, {
  name: "TicketDeliveryStatus",
  description: "PENDING until a delivery attempt succeeds; FAILED after the last attempt failed.",
});

export const AttachmentKindEnum = enumOf<AttachmentKind>(["SCREENSHOT", "LOG", "ERROR_TEXT"]);
registerEnumType(AttachmentKindEnum, {
  name: "TicketAttachmentKind",
  description: "SCREENSHOT: PNG or JPEG sent as base64. LOG and ERROR_TEXT: UTF-8 text.",
});

export const TicketPriorityEnum: { [K in TicketPriority]: K } = enumOf(TICKET_PRIORITIES);
registerEnumType(TicketPriorityEnum, {
  name: "TicketPriority",
  description: "How soon a solution is needed: URGENT (hours), HIGH, NORMAL, LOW.",
});

export const ErrorReportSourceEnum = { UI: "ui", EMAIL: "email" } as const;
registerEnumType(ErrorReportSourceEnum, {
  name: "ErrorReportSource",
  description:
    "Where the error report came from: the platform's UI, or one of its e-mails (e.g. the error bot's).",
});
