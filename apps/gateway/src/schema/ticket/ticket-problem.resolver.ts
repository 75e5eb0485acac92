import { requireTicketLogs } from "@flowdoctor/tickets";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { TicketType } from "./ticket.type.js";
import { type TicketContext, ticketAccessOf, ticketServiceOf } from "./ticket-access-of.js";
import { RedactSpanInput, TicketOccurrenceType } from "./ticket-problem.type.js";
import { toTicketData } from "./to-ticket-data.js";

/** Resolving a ticket's problem, and reviewing what redaction masked before the ticket leaves. */
@Resolver(() => TicketType)
export class TicketProblemResolver {
  @Mutation(() => TicketType, {
    description:
      "Marks a submitted ticket resolved: when its problem is reported again, the ticket reopens (and says so) instead of a new one starting.",
  })
  async resolveTicket(
    @Arg("id", () => ID, { description: "The submitted ticket's id (`Ticket.id`)." }) id: string,
    @Arg("note", () => String, { nullable: true, description: "How it was resolved; kept in the history." })
    note: string | null | undefined,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    const service = ticketServiceOf(context);
    return toTicketData(await service.resolve(await ticketAccessOf(context), id, note ?? undefined));
  }

  @Mutation(() => TicketType, {
    description:
      "Marks a redaction of a draft wrong: the masked text goes back into what is sent, and the ticket's history records it. BAD_USER_INPUT names `redactionId` when there is no such redaction or it was restored.",
  })
  async restoreRedaction(
    @Arg("ticketId", () => ID, { description: "The draft's id (`Ticket.id`)." }) ticketId: string,
    @Arg("redactionId", () => ID, { description: "The mark's id (`TicketRedactionMark.id`)." })
    redactionId: string,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    const service = ticketServiceOf(context);
    return toTicketData(await service.restoreRedaction(await ticketAccessOf(context), ticketId, redactionId));
  }

  @Mutation(() => TicketType, {
    description:
      "Masks a span of a draft's text by hand (kind `manual`); the ticket's history records it. BAD_USER_INPUT names `field`, `from` or `to`.",
  })
  async redactSpan(
    @Arg("ticketId", () => ID, { description: "The draft's id (`Ticket.id`)." }) ticketId: string,
    @Arg("input", () => RedactSpanInput, { description: "The field and the span to mask." })
    input: RedactSpanInput,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    const service = ticketServiceOf(context);
    const span = { field: input.field, from: input.from, to: input.to };
    return toTicketData(await service.redactSpan(await ticketAccessOf(context), ticketId, span));
  }
}

/** An occurrence's log excerpt: log text, shown only to those who may read the logs of the ticket's workspace. */
@Resolver(() => TicketOccurrenceType)
export class TicketOccurrenceResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The log lines of this occurrence, redacted. Null with FORBIDDEN unless you may read the logs of the ticket's workspace on the platform.",
  })
  async excerpt(
    @Root() occurrence: TicketOccurrenceType,
    @Ctx() context: TicketContext,
  ): Promise<string | null> {
    if (occurrence.excerpt === null) return null;
    const { ticket } = occurrence;
    await requireTicketLogs(await ticketAccessOf(context), {
      key: ticket.key,
      ownerUserId: ticket.authorId,
      contractId: ticket.contractId ?? null,
      workspaceId: ticket.workspaceId,
    });
    return occurrence.excerpt;
  }
}
