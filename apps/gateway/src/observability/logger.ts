import { redactObject, redactSecrets } from "@flowdoctor/core";
import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../config/config.js";
import { activeTraceIds } from "./tracing.js";

export type { Logger } from "pino";

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** @default "info" */
  readonly level?: LogLevel;
  /** Where JSON lines go. @default standard output */
  readonly destination?: DestinationStream;
}

/** One JSON line with every value redacted (`redactObject`), so free text, errors and bindings are covered. */
const redactLine = (line: string): string => {
  try {
    return `${JSON.stringify(redactObject(JSON.parse(line)))}\n`;
  } catch {
    return redactSecrets(line);
  }
};

/** `destination`, with each line redacted on its way there. */
const redacting = (destination: DestinationStream): DestinationStream => {
  const { flush, flushSync } = destination as { flush?: () => void; flushSync?: () => void };
  return Object.assign(
    { write: (line: string) => destination.write(redactLine(line)) },
    flush === undefined ? {} : { flush: flush.bind(destination) },
    flushSync === undefined ? {} : { flushSync: flushSync.bind(destination) },
  );
};

/**
 * The gateway's JSON logger. Every line is redacted as a whole before it is written: the message, every field at any
 * depth (values under secret-named keys such as `authorization` or `password` are masked whatever they hold),
 * child bindings and serialized errors; lines written inside a traced operation carry `traceId` and `spanId`. No caller has to remember it, and the gateway never logs headers on purpose.
 */
export const createLogger = (options: LoggerOptions = {}): Logger =>
  pino(
    // Lines written while a span is current carry its trace and span id (nothing when tracing is off).
    { level: options.level ?? "info", base: { service: "flowdoctor-gateway" }, mixin: activeTraceIds },
    redacting(options.destination ?? pino.destination({ dest: 1, sync: true })),
  );
