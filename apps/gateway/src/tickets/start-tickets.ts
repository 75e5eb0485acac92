import { join } from "node:path";
import { createInboxStore, type InboxStore, STORE_MIGRATIONS } from "@flowdoctor/inbox";
import type { DeliveryChannel } from "@flowdoctor/tickets";
import {
  createMailFolderChannel,
  createOutboxWorker,
  createSmtpChannel,
  createTicketService,
  createWebhookChannel,
  type LockHolder,
  type MigrationResult,
  migrateDb,
  type OutboxWorker,
  openTicketDb,
  StoreLockedError,
  type TicketDatabase,
  type TicketService,
} from "@flowdoctor/tickets";
import { GatewayError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { TicketConfig } from "./ticket-config.js";

/** The ticket store, service and outbox worker of a running gateway. */
export interface Tickets {
  readonly service: TicketService;
  /** The error inbox over the same store. */
  readonly inbox: InboxStore;
  readonly worker: OutboxWorker;
  readonly database: TicketDatabase;
  readonly channel: DeliveryChannel;
  /** Stops the worker, then closes the channel and the database. */
  close(): Promise<void>;
}

/** Options of {@link startTickets}. */
export interface StartTicketsOptions {
  readonly config: TicketConfig;
  /** PostgreSQL; absent means PGlite in `<dataDir>/pglite`. */
  readonly databaseUrl?: string;
  readonly logger: Logger;
}

const pgliteDir = (dataDir: string): string =>
  dataDir.startsWith("memory://") ? "memory://" : join(dataDir, "pglite");

/** The delivery channel the configuration chooses. */
export const createDeliveryChannel = (config: TicketConfig): DeliveryChannel => {
  switch (config.delivery) {
    case "mail-folder":
      return createMailFolderChannel(config.mailFolder);
    case "smtp":
      return createSmtpChannel({ url: config.smtpUrl ?? "" });
    case "webhook":
      return createWebhookChannel({ url: config.webhookUrl ?? "", secret: config.webhookSecret ?? "" });
    default: {
      const never: never = config.delivery;
      throw new Error(`unknown delivery channel ${String(never)}`);
    }
  }
};

const workerEvents = (logger: Logger) => ({
  delivered: (job: { ticketId: string; attempts: number }) =>
    logger.info({ ticketId: job.ticketId, attempts: job.attempts }, "ticket delivered"),
  failed: (job: { ticketId: string; attempts: number; maxAttempts: number }, error: unknown) =>
    logger.warn(
      {
        ticketId: job.ticketId,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        err: (error as Error).message,
      },
      "ticket delivery attempt failed",
    ),
  error: (error: unknown) => logger.error({ err: (error as Error).message }, "ticket outbox pass failed"),
});

const holderText = (holder: LockHolder | undefined): string =>
  holder === undefined
    ? "its lock file cannot be read yet"
    : `pid ${holder.pid} on ${holder.hostname} since ${holder.startedAt}`;

/** One line that names the variable to look at, for the store that could not be opened. */
const storeStartError = (options: StartTicketsOptions, error: unknown): GatewayError => {
  const { dataDir } = options.config;
  if (error instanceof StoreLockedError)
    return new GatewayError(
      "GATEWAY_STORE_LOCKED",
      `DATA_DIR ${dataDir} is in use by another gateway (${holderText(error.holder)}): ` +
        `stop it or set DATA_DIR to another folder; if no gateway uses it, delete ${error.path}`,
      { cause: error },
    );
  const where =
    options.databaseUrl === undefined
      ? `the embedded ticket store in DATA_DIR ${dataDir}`
      : "the PostgreSQL ticket store of DATABASE_URL";
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  return new GatewayError("GATEWAY_START_FAILED", `${where} could not be opened: ${reason}`, {
    cause: error,
  });
};

const openStore = async (
  options: StartTicketsOptions,
): Promise<{ database: TicketDatabase; migrations: MigrationResult }> => {
  const { config, logger } = options;
  const onStaleLock = (holder: LockHolder | undefined, lockFile: string) =>
    logger.warn(
      { lockFile, holder },
      "took over the embedded store's lock: the process that held it is gone (crashed or killed)",
    );
  let database: TicketDatabase | undefined;
  try {
    database = await openTicketDb(
      options.databaseUrl === undefined
        ? { dataDir: pgliteDir(config.dataDir), onStaleLock }
        : { databaseUrl: options.databaseUrl, maxConnections: config.poolSize },
    );
    return { database, migrations: await migrateDb(database, STORE_MIGRATIONS) };
  } catch (error) {
    await database?.close().catch(() => undefined);
    throw storeStartError(options, error);
  }
};

/**
 * Opens and migrates the store, then starts the outbox worker (unless `runWorker` is off). Throws
 * `GATEWAY_STORE_LOCKED` when another gateway holds the embedded store, `GATEWAY_START_FAILED` when the store cannot
 * be opened.
 */
export const startTickets = async (options: StartTicketsOptions): Promise<Tickets> => {
  const { config, logger } = options;
  const { database, migrations } = await openStore(options);
  const channel = createDeliveryChannel(config);
  const message = { to: config.supportEmail, from: config.fromEmail };
  const worker = createOutboxWorker({
    db: database.db,
    channel,
    message,
    backoff: { baseMs: config.retryBaseMs },
    events: workerEvents(logger),
  });
  const service = createTicketService({
    db: database.db,
    channel: channel.name,
    maxAttempts: config.maxAttempts,
    message,
    now: () => new Date(),
    followUpIntervalMs: config.followUpMinutes * 60_000,
    ...(config.runWorker ? { onSubmitted: () => worker.wake() } : {}),
  });
  if (config.runWorker) worker.start();
  logger.info(
    {
      store: database.kind,
      location: database.location,
      migrated: migrations.applied,
      delivery: channel.name,
      target: channel.target,
    },
    "ticket store ready",
  );
  return {
    service,
    inbox: createInboxStore(database.db),
    worker,
    database,
    channel,
    close: async () => {
      await worker.stop();
      await channel.close();
      await database.close();
    },
  };
};
