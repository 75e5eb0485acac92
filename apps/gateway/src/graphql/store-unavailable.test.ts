import { createServer } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isStoreUnavailable } from "./store-unavailable.js";

const DATABASE_URL = process.env.TEST_DATABASE_URL;

/** A loopback port nothing listens on. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

const errorOf = async (work: () => Promise<unknown>): Promise<unknown> =>
  work().then(
    () => undefined,
    (error: unknown) => error,
  );

describe("isStoreUnavailable, on errors node-postgres really throws", () => {
  it("reads a refused connection as the store being out of reach, also wrapped as an ORM wraps it", async () => {
    const client = new pg.Client({ connectionString: `postgres://x@127.0.0.1:${await closedPort()}/x` });
    const refused = await errorOf(() => client.connect());
    expect(isStoreUnavailable(refused)).toBe(true);
    expect(isStoreUnavailable(new Error("Failed query: insert into tickets", { cause: refused }))).toBe(true);
  });

  it.skipIf(!DATABASE_URL)("reads a server that ends the session (a restart) as out of reach", async () => {
    const victim = new pg.Client({ connectionString: DATABASE_URL });
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await Promise.all([victim.connect(), admin.connect()]);
    victim.on("error", () => undefined);
    try {
      const { rows } = await victim.query<{ pid: number }>("select pg_backend_pid() as pid");
      await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid]);
      const ended = await errorOf(() => victim.query("select 1"));
      expect(ended).toBeInstanceOf(Error);
      expect(isStoreUnavailable(ended)).toBe(true);
    } finally {
      await admin.end();
      await victim.end().catch(() => undefined);
    }
  });

  it("does not read a query's own mistakes as the store being out of reach", async () => {
    expect(isStoreUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isStoreUnavailable(new TypeError("cannot read x of undefined"))).toBe(false);
    expect(isStoreUnavailable(undefined)).toBe(false);
  });
});
