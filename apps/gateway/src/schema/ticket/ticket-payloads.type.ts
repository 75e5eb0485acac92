import { Field, Int, ObjectType } from "type-graphql";
import { TicketType } from "./ticket.type.js";
import { TicketMissingFieldType } from "./ticket-parts.type.js";

@ObjectType("TicketConnection", { description: "A page of tickets, newest first." })
export class TicketConnectionType {
  @Field(() => [TicketType])
  nodes!: TicketType[];
  @Field(() => Int)
  totalCount!: number;
  @Field(() => Boolean)
  hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page." })
  endCursor!: string | null;
}

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
