/** A workspace as the ticket rules need it. */
export interface TicketWorkspace {
  readonly contractId: string;
}

/** The platform's resources a ticket may name, looked up as the caller; each rejects as the platform refuses. */
export interface TicketLookups {
  readonly flow: (flowId: string) => Promise<{ readonly workspaceId: string }>;
  readonly credential: (credentialId: string) => Promise<unknown>;
  readonly component: (componentId: string) => Promise<unknown>;
}

/** Who is asking, as the ticket rules need it; every answer comes from the platform, as the caller. */
export interface TicketAccess {
  /** The caller's platform user id. */
  readonly userId: string;
  /** The ids of the contracts the caller is a member of (memoised by the caller per request). */
  readonly contractIds: () => Promise<ReadonlySet<string>>;
  /** The workspaces the caller is a member of, by id (memoised per request). */
  readonly workspaces: () => Promise<ReadonlyMap<string, TicketWorkspace>>;
  readonly lookup: TicketLookups;
}

/** The owner and contract of a ticket, for access checks. */
export interface TicketOwnership {
  readonly ownerUserId: string;
  readonly contractId: string | null;
}

/**
 * A ticket with a contract is visible to the contract's members; one without (an early draft) only to its author.
 * Everyone else is told the ticket does not exist.
 */
export const canReadTicket = async (access: TicketAccess, ticket: TicketOwnership): Promise<boolean> => {
  if (ticket.contractId === null) return ticket.ownerUserId === access.userId;
  return (await access.contractIds()).has(ticket.contractId);
};
