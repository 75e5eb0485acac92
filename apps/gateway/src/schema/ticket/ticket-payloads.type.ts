import { Field, Int, ObjectType } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { TicketType } from "./ticket.type.js";
import { TicketMissingFieldType } from "./ticket-parts.type.js";
import { TicketPreviewFieldType, TicketReportOutcomeEnum } from "./ticket-problem.type.js";

/** A page of tickets, newest first: cursors are ticket numbers. */
export const TicketConnection = connectionOf("Ticket", TicketType);

@ObjectType("TicketFromDiagnosis", {
  description: "A draft filled from a flow's diagnosis, and what only a person can add.",
})
export class TicketFromDiagnosisType {
  @Field(() => TicketType, { description: "The new draft." })
  ticket!: TicketType;
  @Field(() => [TicketMissingFieldType], {
    description: "What the draft still needs before it can be submitted, each with the question to ask.",
  })
  missing!: TicketMissingFieldType[];
  @Field(() => TicketReportOutcomeEnum, {
    description:
      "CREATED for a new draft; ADDED_TO_OPEN when an open ticket already covered the error group (`ticket` is that ticket, the occurrence added to it); REOPENED when its resolved ticket reopened.",
  })
  outcome!: string;
}

@ObjectType("TicketPreviewAttachment", { description: "A file as it will be attached to the e-mail." })
export class TicketPreviewAttachmentType {
  @Field(() => String, { description: "The file name support sees." })
  filename!: string;
  @Field(() => String, { description: "Its media type, e.g. `image/png` or `text/plain`." })
  contentType!: string;
  @Field(() => Int, { description: "Its size in bytes." })
  sizeBytes!: number;
  @Field(() => String, {
    nullable: true,
    description: "A text file's content exactly as sent (UTF-8); null for images.",
  })
  text!: string | null;
}

@ObjectType("TicketPreview", { description: "Exactly the message support will receive." })
export class TicketPreviewType {
  @Field(() => String, {
    description: "The e-mail's Message-ID; retries keep it, so support sees one ticket.",
  })
  messageId!: string;
  @Field(() => String, { description: "The sender address (`TICKET_FROM_EMAIL`)." })
  from!: string;
  @Field(() => String, { description: "Where the ticket goes (`SUPPORT_EMAIL`, or the webhook)." })
  to!: string;
  @Field(() => String, { description: "The e-mail's subject: `[FD-<number>] <flow>: <cause>`." })
  subject!: string;
  @Field(() => String, { description: "The rendered ticket (Markdown), redacted." })
  text!: string;
  @Field(() => [TicketPreviewAttachmentType], { description: "The files that go with it." })
  attachments!: TicketPreviewAttachmentType[];
  @Field(() => [TicketPreviewFieldType], {
    description:
      "Every text field that leaves (title, description, error text, timeline events, text files) as delivered, each redaction marked with its kind and place.",
  })
  fields!: TicketPreviewFieldType[];
}
