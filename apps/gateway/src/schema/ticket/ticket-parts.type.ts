import type { ErrorReportSource } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { AttachmentKindEnum, DeliveryStatusEnum, ErrorReportSourceEnum } from "./ticket-enums.js";

@ObjectType("TicketTimelineEntry", { description: "One event of the ticket's timeline." })
export class TicketTimelineEntryType {
  @Field(() => String, { description: "ISO-8601 with the time zone as given." })
  at!: string;
  @Field(() => String, { description: "What happened." })
  event!: string;
}

@ObjectType("TicketAttachment", {
  description: "A file attached to a ticket (its bytes are sent with the ticket).",
})
export class TicketAttachmentType {
  @Field(() => ID, { description: "The attachment's id (a UUID): pass it to `removeAttachment`." })
  id!: string;
  @Field(() => AttachmentKindEnum, { description: "SCREENSHOT, LOG or ERROR_TEXT." })
  kind!: string;
  @Field(() => String, { description: "The file name support sees." })
  name!: string;
  @Field(() => String, { description: "Checked by the bytes for screenshots: image/png or image/jpeg." })
  mediaType!: string;
  @Field(() => Int, { description: "The file's size in bytes." })
  sizeBytes!: number;
  @Field(() => DateTimeScalar, { description: "When it was attached." })
  createdAt!: Date;
}

@ObjectType("TicketStatusChange", { description: "One step of the ticket's history." })
export class TicketStatusChangeType {
  @Field(() => String, {
    description: "DRAFT, SUBMITTED, CANCELLED, DELIVERED, DELIVERY_FAILED or DELIVERY_RETRIED.",
  })
  status!: string;
  @Field(() => DateTimeScalar, { description: "When the change happened." })
  at!: Date;
  @Field(() => String, {
    nullable: true,
    description: "The platform user who made the change; null for delivery.",
  })
  actorUserId!: string | null;
  @Field(() => String, {
    description: "Why, e.g. the reason given to `cancelTicket` or a delivery's error.",
    nullable: true,
  })
  note!: string | null;
}

@ObjectType("TicketDelivery", { description: "How the ticket's delivery to support is going." })
export class TicketDeliveryType {
  @Field(() => DeliveryStatusEnum, { description: "PENDING, DELIVERED or FAILED." })
  status!: string;
  @Field(() => String, { description: "mail-folder, smtp or webhook." })
  channel!: string;
  @Field(() => String, { description: "The stable Message-ID; a repeated delivery carries the same one." })
  messageId!: string;
  @Field(() => Int, { description: "Delivery attempts made so far." })
  attempts!: number;
  @Field(() => Int, { description: "Attempts before the delivery is FAILED (`TICKET_MAX_ATTEMPTS`)." })
  maxAttempts!: number;
  @Field(() => String, { nullable: true, description: "Why the last attempt failed (redacted)." })
  lastError!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the next attempt is due, while pending.",
  })
  nextAttemptAt!: Date | null;
  @Field(() => DateTimeScalar, { description: "When it was delivered; null until then.", nullable: true })
  deliveredAt!: Date | null;
}

@ObjectType("TicketMissingField", { description: "A field only a person can add, with the question to ask." })
export class TicketMissingFieldType {
  @Field(() => String, { description: "The ticket field, as in `TicketFieldsInput`." })
  field!: string;
  @Field(() => String, { description: "The question to ask the reporter to fill it in." })
  question!: string;
}

@ObjectType("TicketOtherIds", { description: "Further ids that help support find the failing run." })
export class TicketOtherIdsType {
  @Field(() => String, {
    description: "The step container run (`exec_id` in logs, `EXEC_ID` in error e-mails).",
    nullable: true,
  })
  executionId?: string;
  @Field(() => String, {
    description: "The execution a message belongs to (a UUID or trace id).",
    nullable: true,
  })
  threadId?: string;
  @Field(() => String, { description: "The platform step id (e.g. `step_2`).", nullable: true })
  stepId?: string;
  @Field(() => String, { description: "The platform id of the credential concerned.", nullable: true })
  credentialId?: string;
  @Field(() => String, { description: "The platform id of the component concerned.", nullable: true })
  componentId?: string;
  @Field(() => String, { description: "The container concerned (Containers page).", nullable: true })
  containerId?: string;
}

@ObjectType("TicketErrorReport", {
  description: "The error report from the UI or an e-mail, quoted as text (redacted).",
})
export class TicketErrorReportType {
  @Field(() => ErrorReportSourceEnum, { description: "Where the report came from." })
  source!: ErrorReportSource;
  @Field(() => String, { description: "The report as text, e.g. the error e-mail's subject and body." })
  text!: string;
  @Field(() => String, { nullable: true, description: "ISO-8601 with a time zone." })
  receivedAt?: string;
}

@ObjectType("StepLastLog", { description: "The time of a step's newest log line." })
export class StepLastLogType {
  @Field(() => String, { description: "The platform step id." })
  stepId!: string;
  @Field(() => String, { description: "ISO-8601 with the time zone as given." })
  at!: string;
}

@ObjectType("StepContainers", { description: "Whether a step's containers run." })
export class StepContainersType {
  @Field(() => String, { description: "The platform step id." })
  stepId!: string;
  @Field(() => Boolean, { description: "True when the step's containers run." })
  running!: boolean;
}

@ObjectType("StuckMessageEvidence", {
  description: "The guide's checklist for messages stuck at a step, as support needs it.",
})
export class StuckMessageEvidenceType {
  @Field(() => Boolean, { description: "Whether the flow is suspended." })
  flowSuspended!: boolean;
  @Field(() => [StepLastLogType], { description: "The newest log line's time per step (Logs page)." })
  lastLogAtPerStep!: StepLastLogType[];
  @Field(() => [StepContainersType], { description: "Whether each step's containers run (Containers page)." })
  containersRunning!: StepContainersType[];
}
