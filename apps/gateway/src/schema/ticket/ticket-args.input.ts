import type { AttachmentKind, DeliveryStatus, TicketStatus } from "@flowdoctor/tickets";
import { Field, ID, InputType } from "type-graphql";
import { AttachmentKindEnum, DeliveryStatusEnum, TicketStatusEnum } from "./ticket-enums.js";

@InputType("AddTicketAttachmentInput", {
  description:
    "A screenshot as base64 (PNG or JPEG, at most 10 MB) or a log file or error text as UTF-8 text.",
})
export class AddTicketAttachmentInput {
  @Field(() => ID, { description: "The draft's id (`Ticket.id`)." })
  ticketId!: string;
  @Field(() => AttachmentKindEnum, { description: "SCREENSHOT (PNG or JPEG), LOG or ERROR_TEXT." })
  kind!: AttachmentKind;
  @Field(() => String, { description: "The file name support sees, e.g. errors-tab.png or step_2.log." })
  name!: string;
  @Field(() => String, { nullable: true, description: "The image's bytes in base64 (screenshots)." })
  base64?: string | null;
  @Field(() => String, { nullable: true, description: "The text (logs and error texts)." })
  text?: string | null;
}

@InputType("TicketFilter", { description: "Narrows the ticket list; absent fields do not filter." })
export class TicketFilterInput {
  @Field(() => TicketStatusEnum, { description: "Only tickets in this status.", nullable: true })
  status?: TicketStatus | null;
  @Field(() => ID, { description: "Only tickets about this contract.", nullable: true })
  contractId?: string | null;
  @Field(() => DeliveryStatusEnum, {
    description: "Only submitted tickets whose delivery is in this status.",
    nullable: true,
  })
  deliveryStatus?: DeliveryStatus | null;
  @Field(() => Boolean, { nullable: true, description: "Only tickets you wrote." })
  mine?: boolean | null;
}
