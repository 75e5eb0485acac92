import { randomBytes } from "node:crypto";
import pg from "pg";

/** A database of its own on the test server (`TEST_DATABASE_URL`), for gateways that must share it with nobody else. */
export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

const run = async (serverUrl: string, statement: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
};

/** Creates an empty database named `<prefix>_<random>` on the server of `serverUrl`. */
export const createTestDatabase = async (serverUrl: string, prefix: string): Promise<TestDatabase> => {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await run(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
};
