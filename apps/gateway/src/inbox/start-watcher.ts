import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { createWatcher, platformWatchSources, registerWatch, type Watcher } from "@flowdoctor/inbox";
import type { TicketDatabase } from "@flowdoctor/tickets";
import type { Logger } from "../observability/logger.js";
import type { AlertConfig } from "./alert-config.js";
import type { InboxConfig } from "./inbox-config.js";

/** The running watcher of a gateway, and how to stop it. */
export interface RunningWatcher {
  readonly watcher: Watcher;
  close(): Promise<void>;
}

/**
 * Registers the configured watches (credentials sealed) and starts the watcher; every replica runs one, and the
 * database lease lets only one of them read at a time. Undefined when nothing is configured to watch.
 */
export const startWatcher = async (options: {
  readonly config: InboxConfig;
  readonly alerts?: AlertConfig;
  /** Told when a cycle queued alert messages (the gateway wakes its outbox worker). */
  readonly onAlertsQueued?: () => void;
  readonly database: TicketDatabase;
  readonly upstreamUrl: string;
  readonly logger: Logger;
}): Promise<RunningWatcher | undefined> => {
  const { config, database, logger } = options;
  if (config.watches.length === 0 || config.secretKey === undefined) return undefined;
  const now = new Date();
  for (const watch of config.watches) await registerWatch(database.db, config.secretKey, watch, now);
  const sources = platformWatchSources({ baseUrl: options.upstreamUrl });
  const watcher = createWatcher({
    db: database.db,
    key: config.secretKey,
    sources,
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    intervalMs: config.intervalMs,
    ...(options.alerts?.publicUrl === undefined ? {} : { alerts: { consoleUrl: options.alerts.publicUrl } }),
    onEvents: (events) => logger.info({ events: events.length }, "inbox watcher recorded group events"),
    onAlertsQueued: (jobs) => {
      logger.info({ alerts: jobs.length }, "inbox watcher queued alert messages");
      options.onAlertsQueued?.();
    },
    // Only the message: the platform client's errors never carry credentials, and nothing else is added.
    onError: (workspaceId, error) =>
      logger.warn({ workspaceId, err: (error as Error).message }, "inbox watcher cycle failed"),
  });
  watcher.start();
  logger.info(
    { workspaces: config.watches.map((watch) => watch.workspaceId), intervalMs: config.intervalMs },
    "inbox watcher started",
  );
  return {
    watcher,
    close: async () => {
      await watcher.stop();
      await sources.close();
    },
  };
};
