/** Who is asking, as the ticket rules need it. */
export interface TicketAccess {
  /** The caller's platform user id. */
  readonly userId: string;
  /** The ids of the contracts the caller is a member of (memoised by the caller per request). */
  readonly contractIds: () => Promise<ReadonlySet<string>>;
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
