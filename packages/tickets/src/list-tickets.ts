import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { TicketDb } from "./db/open-ticket-db.js";
import { type DeliveryStatus, type TicketStatus, ticketOutbox, tickets } from "./db/schema.js";
import type { TicketAccess } from "./ticket-access.js";
import { loadTicketView, type TicketView } from "./ticket-view.js";

/** Which tickets to list. */
export interface TicketListOptions {
  readonly status?: TicketStatus;
  readonly contractId?: string;
  readonly deliveryStatus?: DeliveryStatus;
  /** Only tickets the caller wrote. @default false */
  readonly mine?: boolean;
  /** Page size. */
  readonly first: number;
  /** The `endCursor` of the previous page. */
  readonly after?: string;
}

/** One page of tickets, newest first. */
export interface TicketPage {
  readonly nodes: readonly TicketView[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const workspaceOfTicket = sql`${tickets.fields}->>'workspaceId'`;

/** `canReadTicket` as SQL: the author's tickets without a contract, and the contract's in visible workspaces. */
const visibleTo = async (access: TicketAccess): Promise<SQL> => {
  const contracts = [...(await access.contractIds())];
  if (contracts.length === 0)
    return and(isNull(tickets.contractId), eq(tickets.ownerUserId, access.userId)) as SQL;
  const workspaces = [...(await access.workspaces()).keys()];
  const inVisibleWorkspace =
    workspaces.length === 0
      ? isNull(workspaceOfTicket)
      : or(isNull(workspaceOfTicket), inArray(workspaceOfTicket, workspaces));
  return or(
    and(inArray(tickets.contractId, contracts), inVisibleWorkspace),
    and(isNull(tickets.contractId), eq(tickets.ownerUserId, access.userId)),
  ) as SQL;
};

const filters = async (access: TicketAccess, options: TicketListOptions): Promise<SQL[]> => {
  const visible = await visibleTo(access);
  const conditions: SQL[] = [visible];
  if (options.status !== undefined) conditions.push(eq(tickets.status, options.status));
  if (options.contractId !== undefined) conditions.push(eq(tickets.contractId, options.contractId));
  if (options.mine === true) conditions.push(eq(tickets.ownerUserId, access.userId));
  if (options.deliveryStatus !== undefined)
    conditions.push(
      sql`exists (select 1 from ${ticketOutbox} where ${ticketOutbox.ticketId} = ${tickets.id} and ${ticketOutbox.followUp} = 0 and ${ticketOutbox.status} = ${options.deliveryStatus})`,
    );
  return conditions;
};

/** The tickets the caller may see, newest first; the cursor is the last ticket's number. */
export const listTickets = async (
  db: TicketDb,
  access: TicketAccess,
  options: TicketListOptions,
): Promise<TicketPage> => {
  const conditions = await filters(access, options);
  const after = options.after === undefined ? undefined : Number.parseInt(options.after, 10);
  const page = Number.isSafeInteger(after)
    ? [...conditions, lt(tickets.number, after as number)]
    : conditions;
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(...page))
      .orderBy(desc(tickets.number))
      .limit(options.first + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(and(...conditions)),
  ]);
  const shown = rows.slice(0, options.first);
  const nodes = (await Promise.all(shown.map((row) => loadTicketView(db, row.id)))).filter(
    (v): v is TicketView => v !== undefined,
  );
  return {
    nodes,
    totalCount: count?.n ?? 0,
    hasNextPage: rows.length > options.first,
    endCursor: nodes.length === 0 ? null : String(nodes[nodes.length - 1]?.number),
  };
};
