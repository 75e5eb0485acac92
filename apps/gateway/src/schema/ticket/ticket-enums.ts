import { TICKET_PRIORITIES, type TicketPriority } from "@flowdoctor/core";
import type { AttachmentKind, DeliveryStatus, TicketStatus } from "@flowdoctor/tickets";
import { registerEnumType } from "type-graphql";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const TicketStatusEnum = enumOf<TicketStatus>(["DRAFT", "SUBMITTED", "CANCELLED"]);
registerEnumType(TicketStatusEnum, {
  name: "TicketStatus",
  description: "DRAFT while being written; SUBMITTED once handed to delivery; CANCELLED when given up.",
  valuesConfig: {
    DRAFT: { description: "Being written: it may change and is not sent." },
    SUBMITTED: { description: "Checked and handed to delivery; it no longer changes." },
    CANCELLED: { description: "Given up; never sent." },
  },
});

export const DeliveryStatusEnum = enumOf<DeliveryStatus>(["PENDING", "DELIVERED", "FAILED"]);
registerEnumType(DeliveryStatusEnum, {
  name: "TicketDeliveryStatus",
  description: "PENDING until a delivery attempt succeeds; FAILED after the last attempt failed.",
  valuesConfig: {
    PENDING: { description: "Not delivered yet: the outbox worker keeps trying." },
    DELIVERED: { description: "The e-mail server or webhook accepted it." },
    FAILED: { description: "Every attempt failed; `retryTicketDelivery` queues it again." },
  },
});

export const AttachmentKindEnum = enumOf<AttachmentKind>(["SCREENSHOT", "LOG", "ERROR_TEXT"]);
registerEnumType(AttachmentKindEnum, {
  name: "TicketAttachmentKind",
  description: "SCREENSHOT: PNG or JPEG sent as base64. LOG and ERROR_TEXT: UTF-8 text.",
  valuesConfig: {
    SCREENSHOT: { description: "A PNG or JPEG image." },
    LOG: { description: "A log file as UTF-8 text (never a screenshot of logs)." },
    ERROR_TEXT: { description: "An error message as UTF-8 text." },
  },
});

export const TicketPriorityEnum: { [K in TicketPriority]: K } = enumOf(TICKET_PRIORITIES);
registerEnumType(TicketPriorityEnum, {
  name: "TicketPriority",
  description: "How soon a solution is needed: URGENT (hours), HIGH, NORMAL, LOW.",
  valuesConfig: {
    URGENT: { description: "Needed within hours: production is down." },
    HIGH: { description: "Needed soon: an important flow fails." },
    NORMAL: { description: "Needed in the usual time." },
    LOW: { description: "A question or a minor problem." },
  },
});

export const ErrorReportSourceEnum = { UI: "ui", EMAIL: "email" } as const;
registerEnumType(ErrorReportSourceEnum, {
  name: "ErrorReportSource",
  description:
    "Where the error report came from: the platform's UI, or one of its e-mails (e.g. the error bot's).",
  valuesConfig: {
    UI: { description: "The platform's app (e.g. the Executions page)." },
    EMAIL: { description: "A platform e-mail, e.g. the error bot's." },
  },
});
