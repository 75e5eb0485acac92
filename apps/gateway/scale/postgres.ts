// The scale test's PostgreSQL: by default a private cluster of the machine's own PostgreSQL binaries on a port of
// its own, because restarting the shared server on 5432 would break every other test using it meanwhile.
// SCALE_POSTGRES=system uses 127.0.0.1:5432 (database flowdoctor_scale) and restarts it with pg_ctlcluster.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { chown, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);
const DATABASE = "flowdoctor_scale";

/** A PostgreSQL server the scale test may take down and bring back. */
export interface ScalePostgres {
  readonly databaseUrl: string;
  readonly kind: string;
  /** The postmaster's pid, for the memory report. */
  pid(): Promise<number | undefined>;
  /** Stops the server, keeps it down for `downMs`, starts it again and waits until it answers. */
  restart(downMs: number): Promise<void>;
  close(): Promise<void>;
}

const binDir = (): string => {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  const version = versions[0];
  if (version === undefined)
    throw new Error("no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)");
  return `/usr/lib/postgresql/${version}/bin`;
};

/** initdb and pg_ctl refuse to run as root; as root they run as the `postgres` user. */
const asOwner = (command: string, args: readonly string[]) =>
  process.getuid?.() === 0
    ? run("runuser", ["-u", "postgres", "--", command, ...args])
    : run(command, [...args]);

const waitUntilAnswering = async (url: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL at ${url} did not answer: ${String(error)}`);
      await sleep(200);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
};

const recreateDatabase = async (adminUrl: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
};

const startPrivateCluster = async (port: number): Promise<ScalePostgres> => {
  const bin = binDir();
  const dir = await mkdtemp(join(tmpdir(), "fd-scale-pg-"));
  if (process.getuid?.() === 0) await chown(dir, ...(await postgresIds()));
  await asOwner(`${bin}/initdb`, ["-D", dir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  const start = () =>
    asOwner(`${bin}/pg_ctl`, ["-D", dir, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]);
  const stop = () => asOwner(`${bin}/pg_ctl`, ["-D", dir, "-m", "fast", "-w", "stop"]);
  await start();
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntilAnswering(adminUrl, 30_000);
  await recreateDatabase(adminUrl);
  const databaseUrl = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
  return {
    databaseUrl,
    kind: `private cluster (${bin}, 127.0.0.1:${port}, data in ${dir})`,
    pid: async () => {
      // Absent while the server is down.
      const text = await readFile(join(dir, "postmaster.pid"), "utf8").catch(() => "");
      return Number(text.split("\n")[0]) || undefined;
    },
    restart: async (downMs) => {
      await stop();
      await sleep(downMs);
      await start();
      await waitUntilAnswering(databaseUrl, 30_000);
    },
    close: async () => {
      await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
};

const postgresIds = async (): Promise<[number, number]> => {
  const { stdout } = await run("id", ["-u", "postgres"]);
  const { stdout: group } = await run("id", ["-g", "postgres"]);
  return [Number(stdout.trim()), Number(group.trim())];
};

const systemServer = async (): Promise<ScalePostgres> => {
  const adminUrl = "postgres://postgres@127.0.0.1:5432/postgres";
  await recreateDatabase(adminUrl);
  const version = readdirSync("/etc/postgresql")[0] ?? "15";
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${DATABASE}`;
  const ctl = (action: string) =>
    run("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", action]);
  return {
    databaseUrl,
    kind: `the system server (127.0.0.1:5432, cluster ${version}/main, database ${DATABASE})`,
    pid: async () => {
      const { stdout } = await run("pgrep", ["-o", "-u", "postgres", "postgres"]).catch(() => ({
        stdout: "",
      }));
      return Number(stdout.trim()) || undefined;
    },
    restart: async (downMs) => {
      await ctl("stop");
      await sleep(downMs);
      await ctl("start");
      await waitUntilAnswering(databaseUrl, 30_000);
    },
    close: async () => undefined,
  };
};

/** The PostgreSQL `SCALE_POSTGRES` asks for: `private` (default, on `port`) or `system`. */
export const startScalePostgres = (mode: string, port: number): Promise<ScalePostgres> =>
  mode === "system" ? systemServer() : startPrivateCluster(port);
