import { openTestTicketDb, type TestTicketDb } from "@flowdoctor/tickets/testing";
import { STORE_MIGRATIONS } from "../db/inbox-migrations.js";

/** A throwaway store with the ticket and inbox migrations: PGlite in memory, or an own schema on PostgreSQL. */
export const openTestInboxDb = (backend: "pglite" | "postgres", schema?: string): Promise<TestTicketDb> =>
  openTestTicketDb(backend, { migrations: STORE_MIGRATIONS, ...(schema === undefined ? {} : { schema }) });
