import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import type { TicketAccess } from "../../tickets/ticket-access.js";
import type { TicketService } from "../../tickets/ticket-service.js";

/** The context the ticket resolver needs: the gateway's, with the ticket service. */
export type TicketContext = GatewayContext & { readonly tickets?: TicketService };

const accessByContext = new WeakMap<object, Promise<TicketAccess>>();

const openAccess = async (context: TicketContext): Promise<TicketAccess> => {
  const session = await context.session();
  let contracts: Promise<ReadonlySet<string>> | undefined;
  const load = async () => {
    const ids = new Set<string>();
    for await (const contract of session.client.iterateContracts()) ids.add(contract.id);
    return ids;
  };
  return {
    userId: session.user.id,
    contractIds: () => {
      contracts ??= load();
      return contracts;
    },
  };
};

/** The caller as the ticket rules see them: their user id and (read once per request) their contracts. */
export const ticketAccessOf = (context: TicketContext): Promise<TicketAccess> => {
  let access = accessByContext.get(context);
  if (access === undefined) {
    access = openAccess(context);
    accessByContext.set(context, access);
  }
  return access;
};

/** The ticket service, or `INTERNAL` when the gateway started without a ticket store. */
export const ticketServiceOf = (context: TicketContext): TicketService => {
  if (context.tickets === undefined)
    throw new GatewayGraphQLError("INTERNAL", "The ticket store is not available.");
  return context.tickets;
};
