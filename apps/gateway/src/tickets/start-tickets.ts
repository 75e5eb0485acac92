import { join } from "node:path";
import { createInboxStore, type InboxStore, STORE_MIGRATIONS } from "@flowdoctor/inbox";
import type { AlertChannel, AlertChannelConfig, DeliveryChannel } from "@flowdoctor/tickets";
import {
  createAlertChannel,
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
  /** The configured alert channels by name (the outbox worker delivers alert jobs to them). */
  readonly alertChannels: ReadonlyMap<string, AlertChannel>;
  /** Stops the worker, then closes the channels and the database. */
  close(): Promise<void>;
}

/** Options of {@link startTickets}. */
export interface StartTicketsOptions {
  readonly config: TicketConfig;
  /** PostgreSQL; absent means PGlite in `<dataDir>/pglite`. */
  readonly databaseUrl?: string;
  /** The alert channels of the configuration (`ALERT_CHANNELS`). */
  readonly alertChannels?: readonly AlertChannelConfig[];
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

type JobFacts = { id: string; kind: string; ticketId: string | null; attempts: number; maxAttempts: number };

/** What a log line names of a job: the ticket, or the alert's delivery id and channel name (never its target). */
const jobOf = (job: JobFacts & { channel: string }) =>
  job.kind === "ALERT" ? { alertDeliveryId: job.id, alertChannel: job.channel } : { ticketId: job.ticketId };

const workerEvents = (logger: Logger) => ({
  delivered: (job: JobFacts & { channel: string }) =>
    logger.info(
      { ...jobOf(job), attempts: job.attempts },
      job.kind === "ALERT" ? "alert delivered" : "ticket delivered",
    ),
  failed: (job: JobFacts & { channel: string }, error: unknown) =>
    logger.warn(
      {
        ...jobOf(job),
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        err: (error as Error).message,
      },
      job.kind === "ALERT" ? "alert delivery attempt failed" : "ticket delivery attempt failed",
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
  const alertChannels = new Map(
    (options.alertChannels ?? []).map((alert) => [alert.name, createAlertChannel(alert)] as const),
  );
  const message = { to: config.supportEmail, from: config.fromEmail };
  const worker = createOutboxWorker({
    db: database.db,
    channel,
    message,
    alertChannels,
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
      alertChannels: [...alertChannels.values()].map(
        (alert) => `${alert.name} (${alert.kind} ${alert.target})`,
      ),
    },
    "ticket store ready",
  );
  return {
    service,
    inbox: createInboxStore(database.db),
    worker,
    database,
    channel,
    alertChannels,
    close: async () => {
      await worker.stop();
      await channel.close();
      for (const alert of alertChannels.values()) await alert.close();
      await database.close();
    },
  };
};
