#!/usr/bin/env node
// The gateway's command: reads the environment, starts, stops cleanly on SIGTERM or SIGINT.
import "reflect-metadata";
import { readStartupConfig } from "./config/read-startup-config.js";
import { isGatewayError } from "./errors.js";
import { createLogger } from "./observability/logger.js";
import { startTracing } from "./observability/tracing.js";

const { config, envFiles } = readStartupConfig();
// Loaded after the check, so a bad setting fails before the server's many modules load.
const { startGateway } = await import("./http/start-gateway.js");
const tracing = startTracing(config.tracing);
const logger = createLogger({ level: config.logLevel });
const gateway = await startGateway({ config, logger }).catch((error: unknown) => {
  if (!isGatewayError(error)) throw error;
  process.stderr.write(`flowdoctor-gateway: ${error.code}: ${error.message}\n`);
  process.exit(1);
});
logger.info(
  {
    url: gateway.url,
    graphql: gateway.graphqlUrl,
    playground: gateway.playgroundUrl,
    upstream: gateway.upstreamMode,
    envFiles,
    tracing: config.tracing.exporters.join(",") || "off",
  },
  "gateway started",
);
const demoLogins = gateway.demoUsers.map((user) => `  ${user.name.padEnd(14)} ${user.email}  ${user.apiKey}`);
const upstreamLine =
  gateway.upstreamMode === "emulator"
    ? `Platform:              embedded emulator, demo scenario (${gateway.upstreamUrl}); demo logins (e-mail, API key):\n${demoLogins.join("\n")}`
    : `Platform:              ${gateway.upstreamUrl}`;
const { database, channel } = gateway.tickets;
const ticketLine = `Tickets:               ${database.kind === "pglite" ? "PGlite" : "PostgreSQL"} at ${database.location}; delivered by ${channel.name} to ${channel.target}`;
// Paths only: a .env file holds credentials.
const settingsLine = `Settings:              environment${envFiles.map((file) => ` + ${file}`).join("")}`;
process.stdout.write(
  `\nFlowdoctor playground: ${gateway.playgroundUrl}\nGraphQL endpoint:      ${gateway.graphqlUrl}\n${upstreamLine}\n${ticketLine}\n${settingsLine}\n\n`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing requests in flight");
  gateway
    .close()
    .then(() => tracing?.shutdown())
    .then(
      () => {
        logger.info("gateway stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, "shutdown failed");
        process.exit(1);
      },
    );
};
// `on`, not `once`: a second signal during shutdown must not kill the process before requests finish.
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
