#!/usr/bin/env node
// The error watch as a process: reads its settings from the environment, runs until SIGINT or SIGTERM.
import { createFlowdoctorClient } from "@flowdoctor/sdk";
import { loadWatchConfig } from "./config.js";
import { createErrorWatch } from "./create-error-watch.js";
import { createJsonLogger } from "./logger.js";

const logger = createJsonLogger();
try {
  const config = loadWatchConfig(process.env);
  const client = createFlowdoctorClient({ url: config.url, email: config.email, apiKey: config.apiKey });
  const watch = createErrorWatch({
    client,
    intervalMs: config.intervalMs,
    lookbackMs: config.lookbackMs,
    logger,
  });
  logger.info({ url: config.url, email: config.email, intervalMs: config.intervalMs }, "error watch started");
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "error watch stopping");
    await watch.stop();
    await client.close();
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  watch.start();
} catch (error) {
  logger.warn(
    { code: (error as { code?: unknown }).code },
    error instanceof Error ? error.message : String(error),
  );
  process.exitCode = 1;
}
