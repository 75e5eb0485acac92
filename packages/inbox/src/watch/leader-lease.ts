import type { TicketDb } from "@flowdoctor/tickets";
import { sql } from "drizzle-orm";

/**
 * Takes or renews the lease `name` for `holder` for `leaseMs`, by the database's clock so replicas' clocks need not
 * agree. True while this holder has it: one holder per deployment; another takes over once a lease runs out (at its
 * `until`, read by `clock_timestamp()`: `now()` is the transaction's start and can precede a rival's write).
 */
export const tryLease = async (
  db: TicketDb,
  name: string,
  holder: string,
  leaseMs: number,
): Promise<boolean> => {
  const result = await db.execute(sql`
    INSERT INTO inbox_leases (name, holder, until)
    VALUES (${name}, ${holder}, clock_timestamp() + ${leaseMs} * interval '1 millisecond')
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
    WHERE inbox_leases.holder = excluded.holder OR inbox_leases.until <= clock_timestamp()
    RETURNING holder`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
};

/** Gives the lease up at once (on shutdown), so another replica need not wait for it to run out. */
export const releaseLease = async (db: TicketDb, name: string, holder: string): Promise<void> => {
  await db.execute(sql`DELETE FROM inbox_leases WHERE name = ${name} AND holder = ${holder}`);
};
