import type { TicketAccess, TicketService, TicketWorkspace } from "@flowdoctor/tickets";
import type { PlatformSession } from "../../auth/create-session.js";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";

/** The context the ticket resolver needs: the gateway's, with the ticket service. */
export type TicketContext = GatewayContext & { readonly tickets?: TicketService };

const accessByContext = new WeakMap<object, Promise<TicketAccess>>();

/** Runs `load` once, on first use. */
const once = <TValue>(load: () => Promise<TValue>): (() => Promise<TValue>) => {
  let value: Promise<TValue> | undefined;
  return () => {
    value ??= load();
    return value;
  };
};

const contractIdsOf = async ({ client }: PlatformSession): Promise<ReadonlySet<string>> => {
  const ids = new Set<string>();
  for await (const contract of client.iterateContracts()) ids.add(contract.id);
  return ids;
};

const workspacesOf = async ({ client }: PlatformSession): Promise<ReadonlyMap<string, TicketWorkspace>> => {
  const workspaces = new Map<string, TicketWorkspace>();
  for await (const workspace of client.iterateWorkspaces()) workspaces.set(workspace.id, workspace);
  return workspaces;
};

const openAccess = async (context: TicketContext): Promise<TicketAccess> => {
  const session = await context.session();
  const { loaders } = session;
  return {
    userId: session.user.id,
    contractIds: once(() => contractIdsOf(session)),
    workspaces: once(() => workspacesOf(session)),
    canReadLogs: (workspaceId) => loaders.logsReadable.load(workspaceId),
    lookup: {
      flow: (id) => loaders.flow.load(id),
      credential: (id) => loaders.credential.load(id),
      component: (id) => loaders.component.load(id),
    },
  };
};

/**
 * The caller as the ticket rules see them: their user id, and (read once per request, as the caller, through the
 * request's loaders) their contracts, workspaces, log permissions and the platform resources a ticket names.
 */
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
