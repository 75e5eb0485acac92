import type { FlowdoctorClient } from "@flowdoctor/sdk";
import { createJsonLogger, type WatchLogger } from "./logger.js";
import { type DraftSink, runWatchCycle } from "./run-watch-cycle.js";
import type { WatchReport } from "./watch-report.js";
import { createWatchState } from "./watch-state.js";

/** Options of {@link createErrorWatch}. */
export interface ErrorWatchOptions {
  /** An SDK client logged in as the user whose workspaces are watched. */
  readonly client: FlowdoctorClient;
  /** Pause between the end of one cycle and the start of the next, in ms. @default 300000 */
  readonly intervalMs?: number;
  /** How far back the first cycle looks in each workspace, in ms. @default 86400000 */
  readonly lookbackMs?: number;
  /** Where the watch logs what it did. @default JSON lines on standard output */
  readonly logger?: WatchLogger;
  /** Opens a ticket draft for a diagnosis; must never submit. @default `draftOnGateway(client)` */
  readonly openDraft?: DraftSink;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
}

/** A running (or stopped) error watch. */
export interface ErrorWatch {
  /** Runs one cycle now and resolves with its report. Cycles never overlap: this waits for one in flight. */
  runOnce(): Promise<WatchReport>;
  /** Runs a cycle now and then every `intervalMs` after each one ends, until `stop`. */
  start(): void;
  /** Stops scheduling and waits for a cycle in flight. */
  stop(): Promise<void>;
}

/** A sink that keeps the draft in the cycle's report and log only; nothing is stored or sent. */
export const keepDraftInReport: DraftSink = async () => ({});

/**
 * The default sink: `createTicketFromDiagnosis` stores a draft on the gateway, where a person completes and
 * submits it. The watch never calls `submitTicket`.
 */
export const draftOnGateway =
  (client: FlowdoctorClient): DraftSink =>
  async ({ diagnosis, fingerprints }) => {
    const [errorGroupId] = fingerprints;
    const { data } = await client.createTicketFromDiagnosis({
      flowId: diagnosis.flowId,
      ...(errorGroupId === undefined ? {} : { errorGroupId }),
    });
    return { ticketId: data.ticket.id, outcome: data.outcome };
  };

/** Creates an error watch over the SDK client; nothing runs until `runOnce` or `start`. */
export const createErrorWatch = (options: ErrorWatchOptions): ErrorWatch => {
  const intervalMs = options.intervalMs ?? 300_000;
  const deps = {
    client: options.client,
    state: createWatchState(),
    logger: options.logger ?? createJsonLogger(),
    openDraft: options.openDraft ?? draftOnGateway(options.client),
    lookbackMs: options.lookbackMs ?? 86_400_000,
    now: options.now ?? (() => new Date()),
  };
  let inFlight: Promise<WatchReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isRunning = false;
  const runOnce = async (): Promise<WatchReport> => {
    while (inFlight) await inFlight.catch(() => undefined);
    inFlight = runWatchCycle(deps);
    try {
      return await inFlight;
    } finally {
      inFlight = undefined;
    }
  };
  const loop = async () => {
    await runOnce().catch((error: unknown) => deps.logger.warn({ error: String(error) }, "cycle failed"));
    if (isRunning) timer = setTimeout(loop, intervalMs);
  };
  return {
    runOnce,
    start: () => {
      if (isRunning) return;
      isRunning = true;
      void loop();
    },
    stop: async () => {
      isRunning = false;
      clearTimeout(timer);
      await inFlight?.catch(() => undefined);
    },
  };
};
