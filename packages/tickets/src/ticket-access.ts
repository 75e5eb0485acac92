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
  /** Whether the platform lets the caller read a workspace's logs (asked once per workspace and request). */
  readonly canReadLogs: (workspaceId: string) => Promise<boolean>;
  readonly lookup: TicketLookups;
}

/** The owner, contract and workspace of a ticket, for access checks. */
export interface TicketOwnership {
  readonly ownerUserId: string;
  readonly contractId: string | null;
  readonly workspaceId: string | undefined;
}

/**
 * Who sees a ticket at all. One without a contract (an early draft): only its author. One with a contract: the
 * contract's members, and when it names a workspace, only those of them the platform shows that workspace to.
 * Everyone else is told the ticket does not exist.
 */
export const canReadTicket = async (access: TicketAccess, ticket: TicketOwnership): Promise<boolean> => {
  if (ticket.contractId === null) return ticket.ownerUserId === access.userId;
  if (!(await access.contractIds()).has(ticket.contractId)) return false;
  return ticket.workspaceId === undefined || (await access.workspaces()).has(ticket.workspaceId);
};

/**
 * Who may read a ticket's log-bearing parts (its description, error text, error report, attachments and preview):
 * whoever the platform lets read the logs of the ticket's workspace, the author included. A ticket that names no
 * workspace has nothing to ask the platform about: only its author reads them.
 */
export const canReadTicketLogs = async (access: TicketAccess, ticket: TicketOwnership): Promise<boolean> => {
  if (ticket.workspaceId === undefined) return ticket.ownerUserId === access.userId;
  return access.canReadLogs(ticket.workspaceId);
};
