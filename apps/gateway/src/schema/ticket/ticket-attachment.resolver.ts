import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type TicketContext, ticketAccessOf, ticketServiceOf } from "./ticket-access-of.js";
import { TicketAttachmentType } from "./ticket-parts.type.js";

const TEXT_KINDS = new Set(["LOG", "ERROR_TEXT"]);

const contentOf = async (attachment: TicketAttachmentType, context: TicketContext): Promise<Buffer> =>
  ticketServiceOf(context).attachmentContent(await ticketAccessOf(context), attachment.id);

/** An attachment's stored content, read only when a query asks for it. */
@Resolver(() => TicketAttachmentType)
export class TicketAttachmentResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The content as text, for logs and error texts (redacted when attached); null for screenshots. Null with FORBIDDEN unless you may read the logs of the ticket's workspace on the platform.",
  })
  async text(
    @Root() attachment: TicketAttachmentType,
    @Ctx() context: TicketContext,
  ): Promise<string | null> {
    if (!TEXT_KINDS.has(attachment.kind)) return null;
    return (await contentOf(attachment, context)).toString("utf8");
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The stored bytes in base64, for any kind (screenshots too: they may show the platform's log pages). Null with FORBIDDEN unless you may read the logs of the ticket's workspace on the platform.",
  })
  async base64(@Root() attachment: TicketAttachmentType, @Ctx() context: TicketContext): Promise<string> {
    return (await contentOf(attachment, context)).toString("base64");
  }
}
