import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../config/config.js";

export type { Logger } from "pino";

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** @default "info" */
  readonly level?: LogLevel;
  /** Where JSON lines go. @default standard output */
  readonly destination?: DestinationStream;
}

/**
 * The gateway's JSON logger. Authorization headers and anything named like a secret are censored,
 * as a second line of defence: the gateway never logs headers on purpose.
 */
export const createLogger = (options: LoggerOptions = {}): Logger =>
  pino(
    {
      level: options.level ?? "info",
      base: { service: "flowdoctor-gateway" },
      redact: {
        paths: [
          "authorization",
          "*.authorization",
          "headers.authorization",
          "apiKey",
          "*.apiKey",
          "password",
        ],
        censor: "[redacted]",
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
