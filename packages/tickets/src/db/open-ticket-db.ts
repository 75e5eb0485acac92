import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { initialisePgliteDir } from "./initialise-pglite-dir.js";
import { ticketSchema } from "./schema.js";
import { acquireStoreLock, type LockHolder, type StoreLock } from "./store-lock.js";
import { traceQueries } from "./trace-queries.js";

/** The typed database both drivers give: PGlite's and node-postgres' share every query used here. */
export type TicketDb = PgDatabase<PgQueryResultHKT, typeof ticketSchema>;

/** One connection held for a while (migrations under an advisory lock). */
export interface SqlSession {
  /** Runs SQL text that may hold several statements. */
  exec(sqlText: string): Promise<void>;
  query<TRow>(sqlText: string, params?: readonly unknown[]): Promise<TRow[]>;
}

/** An open ticket database. */
export interface TicketDatabase {
  readonly db: TicketDb;
  readonly kind: "pglite" | "postgres";
  /** The PostgreSQL schema of the tables (created by the migrations); undefined on PGlite. */
  readonly schema: string | undefined;
  /** Where the data lives, safe to log: the PGlite folder, or the PostgreSQL host and database (no password). */
  readonly location: string;
  /** Runs `work` on one dedicated connection, released afterwards. */
  withSession<TResult>(work: (session: SqlSession) => Promise<TResult>): Promise<TResult>;
  close(): Promise<void>;
}

/** Options of {@link openTicketDb}. */
export interface OpenTicketDbOptions {
  /** PostgreSQL URL; absent means PGlite in `dataDir`. */
  readonly databaseUrl?: string;
  /** PGlite's data folder, created when missing; `memory://` keeps it in memory. @default "memory://" */
  readonly dataDir?: string;
  /** PostgreSQL schema the tables live in, created by the migrations (tests use one each). @default "public" */
  readonly schema?: string;
  /** Most PostgreSQL connections. @default 10 */
  readonly maxConnections?: number;
  /** Told when the PGlite folder's lock (`<dataDir>.lock`) was left by a process that is gone and is taken over. */
  readonly onStaleLock?: (holder: LockHolder | undefined, lockPath: string) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// A ticket store needs few buffers; PostgreSQL's default 128 MB of shared buffers would more than double the
// gateway's resident memory.
const PGLITE_SETTINGS = ["shared_buffers=8MB"];

/** PGlite aborts with a WASM error on a damaged folder; the message is enough, its minified source is not. */
const createPglite = async (dataDir: string): Promise<PGlite> => {
  try {
    if (!dataDir.startsWith("memory://")) await initialisePgliteDir(dataDir);
    return await PGlite.create(dataDir, { postgresqlconf: PGLITE_SETTINGS });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`PGlite could not open ${dataDir} (${reason})`, { cause: error });
  }
};

/**
 * Two processes writing one PGlite folder corrupt it without an error, so an on-disk store is opened only under a
 * lock file beside it, held until `close`.
 */
const lockPgliteDir = async (
  dataDir: string,
  options: OpenTicketDbOptions,
): Promise<StoreLock | undefined> => {
  if (dataDir.startsWith("memory://")) return undefined;
  await mkdir(dataDir, { recursive: true });
  const lockPath = `${dataDir.replace(/[\\/]+$/, "")}.lock`;
  const onStaleLock = options.onStaleLock;
  return acquireStoreLock(
    lockPath,
    onStaleLock === undefined ? {} : { onStaleLock: (holder) => onStaleLock(holder, lockPath) },
  );
};

const openPglite = async (dataDir: string, options: OpenTicketDbOptions): Promise<TicketDatabase> => {
  const lock = await lockPgliteDir(dataDir, options);
  const client = traceQueries(
    await createPglite(dataDir).catch(async (error: unknown) => {
      await lock?.release();
      throw error;
    }),
  );
  const session: SqlSession = {
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    query: async <TRow>(sqlText: string, params: readonly unknown[] = []) =>
      (await client.query<TRow>(sqlText, [...params])).rows,
  };
  return {
    db: drizzlePglite(client, { schema: ticketSchema }) as unknown as TicketDb,
    kind: "pglite",
    schema: undefined,
    location: dataDir,
    withSession: (work) => work(session),
    close: async () => {
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
};

const postgresLocation = (databaseUrl: string, schema: string): string => {
  const url = new URL(databaseUrl);
  return `postgres://${url.host}${url.pathname} (schema ${schema})`;
};

/**
 * drizzle's pool transactions leak the connection when `BEGIN` itself fails (a server restart) and return broken
 * connections to the pool; here each transaction checks out its own client and a failed one is discarded.
 */
const withOwnTransactions = (db: TicketDb, pool: pg.Pool): TicketDb => {
  const transaction: TicketDb["transaction"] = async (work, config) => {
    const client = traceQueries(await pool.connect());
    let failure: Error | undefined;
    try {
      const single = drizzlePg(client, { schema: ticketSchema }) as unknown as TicketDb;
      return await single.transaction(work, config);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(failure);
    }
  };
  return Object.assign(db, { transaction });
};

const openPostgres = (databaseUrl: string, options: OpenTicketDbOptions): TicketDatabase => {
  const schema = options.schema ?? "public";
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`openTicketDb: schema must match ${SCHEMA_NAME} (got "${schema}")`);
  const pool = traceQueries(
    new pg.Pool({
      connectionString: databaseUrl,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${schema}`,
      application_name: `flowdoctor-tickets:${schema}`,
    }),
  );
  // An idle client whose server went away must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  // A connection the server drops during a query fails that query; its error event must not crash the process.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return {
    schema,
    db: withOwnTransactions(drizzlePg(pool, { schema: ticketSchema }) as unknown as TicketDb, pool),
    kind: "postgres",
    location: postgresLocation(databaseUrl, schema),
    withSession: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (sqlText) => {
            await client.query(sqlText);
          },
          query: async <TRow>(sqlText: string, params: readonly unknown[] = []) =>
            (await client.query(sqlText, [...params])).rows as TRow[],
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
};

/**
 * Opens the ticket database: PostgreSQL when `databaseUrl` is given, else PGlite in `dataDir`. An on-disk PGlite
 * folder held by another live process throws `StoreLockedError`.
 */
export const openTicketDb = (options: OpenTicketDbOptions): Promise<TicketDatabase> =>
  options.databaseUrl === undefined
    ? openPglite(options.dataDir ?? "memory://", options)
    : Promise.resolve().then(() => openPostgres(options.databaseUrl as string, options));
