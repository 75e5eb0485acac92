import { join } from "node:path";
import type { Logger } from "../observability/logger.js";
import { migrateTicketDb } from "./db/migrate.js";
import { openTicketDb, type TicketDatabase } from "./db/open-ticket-db.js";
import type { DeliveryChannel } from "./delivery/delivery-channel.js";
import { createMailFolderChannel } from "./delivery/mail-folder-channel.js";
import { createSmtpChannel } from "./delivery/smtp-channel.js";
import { createWebhookChannel } from "./delivery/webhook-channel.js";
import { createOutboxWorker, type OutboxWorker } from "./outbox/outbox-worker.js";
import type { TicketConfig } from "./ticket-config.js";
import { createTicketService, type TicketService } from "./ticket-service.js";

/** The ticket store, service and outbox worker of a running gateway. */
export interface Tickets {
  readonly service: TicketService;
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

/** Opens and migrates the store, then starts the outbox worker (unless `runWorker` is off). */
export const startTickets = async (options: StartTicketsOptions): Promise<Tickets> => {
  const { config, logger } = options;
  const database = await openTicketDb(
    options.databaseUrl === undefined
      ? { dataDir: pgliteDir(config.dataDir) }
      : { databaseUrl: options.databaseUrl },
  );
  const migrations = await migrateTicketDb(database);
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
