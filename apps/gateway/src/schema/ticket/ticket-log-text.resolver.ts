import { requireTicketLogs } from "@flowdoctor/tickets";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { TicketType } from "./ticket.type.js";
import { type TicketContext, ticketAccessOf } from "./ticket-access-of.js";
import { TicketErrorReportType } from "./ticket-parts.type.js";

const WITHHELD =
  " Null with FORBIDDEN unless you may read the logs of the ticket's workspace on the platform.";

/** A log-bearing part's value, or `FORBIDDEN` for a caller who may not read the ticket's logs; empty ones need no check. */
const logText = async <TValue>(
  ticket: TicketType,
  context: TicketContext,
  value: TValue | undefined,
): Promise<TValue | null> => {
  if (value === undefined || value === null) return null;
  await requireTicketLogs(await ticketAccessOf(context), {
    key: ticket.key,
    ownerUserId: ticket.authorId,
    contractId: ticket.contractId ?? null,
    workspaceId: ticket.workspaceId,
  });
  return value;
};

/**
 * The parts of a ticket that carry the platform's log text, or the diagnosis drawn from it: shown only to those the
 * platform lets read the logs of the ticket's workspace (see the gateway's README, Tickets).
 */
@Resolver(() => TicketType)
export class TicketLogTextResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: `Expected versus actual behaviour (from a diagnosis: its findings, which quote the logs).${WITHHELD}`,
  })
  description(@Root() ticket: TicketType, @Ctx() context: TicketContext): Promise<string | null> {
    return logText(ticket, context, ticket.description);
  }

  @FieldResolver(() => String, { nullable: true, description: `The error as text (redacted).${WITHHELD}` })
  errorText(@Root() ticket: TicketType, @Ctx() context: TicketContext): Promise<string | null> {
    return logText(ticket, context, ticket.errorText);
  }

  @FieldResolver(() => TicketErrorReportType, {
    nullable: true,
    description: `The error report from the UI or an e-mail.${WITHHELD}`,
  })
  errorReport(
    @Root() ticket: TicketType,
    @Ctx() context: TicketContext,
  ): Promise<TicketErrorReportType | null> {
    return logText(ticket, context, ticket.errorReport);
  }
}
