import { Field, Int, ObjectType } from "type-graphql";
import { connectionOf } from "../common/connection.type.js";
import { TicketType } from "./ticket.type.js";
import { TicketMissingFieldType } from "./ticket-parts.type.js";

/** A page of tickets, newest first: cursors are ticket numbers. */
export const TicketConnection = connectionOf("Ticket", TicketType);

@ObjectType("TicketFromDiagnosis", {
  description: "A draft filled from a flow's diagnosis, and what only a person can add.",
})
export class TicketFromDiagnosisType {
  @Field(() => TicketType)
  ticket!: TicketType;
  @Field(() => [TicketMissingFieldType])
  missing!: TicketMissingFieldType[];
}

@ObjectType("TicketPreviewAttachment")
export class TicketPreviewAttachmentType {
  @Field(() => String)
  filename!: string;
  @Field(() => String)
  contentType!: string;
  @Field(() => Int)
  sizeBytes!: number;
}

@ObjectType("TicketPreview", { description: "Exactly the message support will receive." })
export class TicketPreviewType {
  @Field(() => String)
  messageId!: string;
  @Field(() => String)
  from!: string;
  @Field(() => String)
  to!: string;
  @Field(() => String)
  subject!: string;
  @Field(() => String, { description: "The rendered ticket (Markdown), redacted." })
  text!: string;
  @Field(() => [TicketPreviewAttachmentType])
  attachments!: TicketPreviewAttachmentType[];
}
