import { Field, ID, InputType } from "type-graphql";
import type { AttachmentKind, DeliveryStatus, TicketStatus } from "../../tickets/db/schema.js";
import { AttachmentKindEnum, DeliveryStatusEnum, TicketStatusEnum } from "./ticket-enums.js";

@InputType("AddTicketAttachmentInput", {
  description:
    "A screenshot as base64 (PNG or JPEG, at most 10 MB) or a log file or error text as UTF-8 text.",
})
export class AddTicketAttachmentInput {
  @Field(() => ID)
  ticketId!: string;
  @Field(() => AttachmentKindEnum)
  kind!: AttachmentKind;
  @Field(() => String, { description: "The file name support sees, e.g. errors-tab.png or step_2.log." })
  name!: string;
  @Field(() => String, { nullable: true, description: "The image's bytes in base64 (screenshots)." })
  base64?: string | null;
  @Field(() => String, { nullable: true, description: "The text (logs and error texts)." })
  text?: string | null;
}

@InputType("TicketFilter")
export class TicketFilterInput {
  @Field(() => TicketStatusEnum, { nullable: true })
  status?: TicketStatus | null;
  @Field(() => ID, { nullable: true })
  contractId?: string | null;
  @Field(() => DeliveryStatusEnum, { nullable: true })
  deliveryStatus?: DeliveryStatus | null;
  @Field(() => Boolean, { nullable: true, description: "Only tickets you wrote." })
  mine?: boolean | null;
}
