import type { ErrorReportSource } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { AttachmentKindEnum, DeliveryStatusEnum, ErrorReportSourceEnum } from "./ticket-enums.js";

@ObjectType("TicketTimelineEntry", { description: "One event of the ticket's timeline." })
export class TicketTimelineEntryType {
  @Field(() => String, { description: "ISO-8601 with the time zone as given." })
  at!: string;
  @Field(() => String)
  event!: string;
}

@ObjectType("TicketAttachment", {
  description: "A file attached to a ticket (its bytes are sent with the ticket).",
})
export class TicketAttachmentType {
  @Field(() => ID)
  id!: string;
  @Field(() => AttachmentKindEnum)
  kind!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String, { description: "Checked by the bytes for screenshots: image/png or image/jpeg." })
  mediaType!: string;
  @Field(() => Int)
  sizeBytes!: number;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType("TicketStatusChange", { description: "One step of the ticket's history." })
export class TicketStatusChangeType {
  @Field(() => String, {
    description: "DRAFT, SUBMITTED, CANCELLED, DELIVERED, DELIVERY_FAILED or DELIVERY_RETRIED.",
  })
  status!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => String, {
    nullable: true,
    description: "The platform user who made the change; null for delivery.",
  })
  actorUserId!: string | null;
  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType("TicketDelivery", { description: "How the ticket's delivery to support is going." })
export class TicketDeliveryType {
  @Field(() => DeliveryStatusEnum)
  status!: string;
  @Field(() => String, { description: "mail-folder, smtp or webhook." })
  channel!: string;
  @Field(() => String, { description: "The stable Message-ID; a repeated delivery carries the same one." })
  messageId!: string;
  @Field(() => Int)
  attempts!: number;
  @Field(() => Int)
  maxAttempts!: number;
  @Field(() => String, { nullable: true, description: "Why the last attempt failed (redacted)." })
  lastError!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the next attempt is due, while pending.",
  })
  nextAttemptAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;
}

@ObjectType("TicketMissingField", { description: "A field only a person can add, with the question to ask." })
export class TicketMissingFieldType {
  @Field(() => String)
  field!: string;
  @Field(() => String)
  question!: string;
}

@ObjectType("TicketOtherIds", { description: "Further ids that help support find the failing run." })
export class TicketOtherIdsType {
  @Field(() => String, { nullable: true })
  executionId?: string;
  @Field(() => String, { nullable: true })
  threadId?: string;
  @Field(() => String, { nullable: true })
  stepId?: string;
  @Field(() => String, { nullable: true })
  credentialId?: string;
  @Field(() => String, { nullable: true })
  componentId?: string;
  @Field(() => String, { nullable: true })
  containerId?: string;
}

@ObjectType("TicketErrorReport", {
  description: "The error report from the UI or an e-mail, quoted as text (redacted).",
})
export class TicketErrorReportType {
  @Field(() => ErrorReportSourceEnum)
  source!: ErrorReportSource;
  @Field(() => String)
  text!: string;
  @Field(() => String, { nullable: true, description: "ISO-8601 with a time zone." })
  receivedAt?: string;
}

@ObjectType("StepLastLog")
export class StepLastLogType {
  @Field(() => String)
  stepId!: string;
  @Field(() => String, { description: "ISO-8601 with the time zone as given." })
  at!: string;
}

@ObjectType("StepContainers")
export class StepContainersType {
  @Field(() => String)
  stepId!: string;
  @Field(() => Boolean)
  running!: boolean;
}

@ObjectType("StuckMessageEvidence", {
  description: "The guide's checklist for messages stuck at a step, as support needs it.",
})
export class StuckMessageEvidenceType {
  @Field(() => Boolean)
  flowSuspended!: boolean;
  @Field(() => [StepLastLogType])
  lastLogAtPerStep!: StepLastLogType[];
  @Field(() => [StepContainersType])
  containersRunning!: StepContainersType[];
}
