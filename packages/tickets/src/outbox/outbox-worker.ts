import { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { TicketDb } from "../db/open-ticket-db.js";
import type { OutboxRow } from "../db/schema.js";
import type { AlertChannel } from "../delivery/alert-channel.js";
import type { AlertMessage } from "../delivery/alert-message.js";
import type { DeliveryChannel } from "../delivery/delivery-channel.js";
import { composeTicketMessage, type MessageOptions } from "../delivery/ticket-message.js";
import { composeFollowUpMessage } from "../problems/follow-up-message.js";
import { loadTicketView } from "../ticket-view.js";
import { inSpan } from "../tracing.js";
import { type BackoffOptions, backoffDelayMs } from "./backoff.js";
import { claimJob, markDelivered, markFailed } from "./outbox-jobs.js";

/** What a worker reports; the gateway passes its logger's methods. */
export interface OutboxEvents {
  readonly delivered?: (job: OutboxRow) => void;
  readonly failed?: (job: OutboxRow, error: unknown) => void;
  /** The store could not be read or written (the pass is retried at the next poll). */
  readonly error?: (error: unknown) => void;
}

/** Options of {@link createOutboxWorker}. */
export interface OutboxWorkerOptions {
  readonly db: TicketDb;
  readonly channel: DeliveryChannel;
  readonly message: MessageOptions;
  /** The configured alert channels by name, for ALERT jobs (a job naming none of them fails and is retried). */
  readonly alertChannels?: ReadonlyMap<string, AlertChannel>;
  /** How long a claimed job stays with this worker before another may take it, in ms. @default 120000 */
  readonly leaseMs?: number;
  /** How often to look for due jobs, in ms. @default 2000 */
  readonly pollMs?: number;
  readonly backoff?: BackoffOptions;
  readonly events?: OutboxEvents;
}

/** Delivers the outbox (tickets and alerts): claims due jobs one at a time, sends them, and records the outcome. */
export interface OutboxWorker {
  /** Delivers due jobs until none is left; returns how many it attempted. */
  drain(): Promise<number>;
  /** Starts polling (and delivering) in the background. */
  start(): void;
  /** Looks for due jobs now instead of at the next poll (after a submission). */
  wake(): void;
  /** Stops polling and waits for the job in hand, at most `waitMs` (default 10000). */
  stop(waitMs?: number): Promise<void>;
}

const markSpanFailed = (span: Span, error: unknown): void => {
  span.setAttribute("error.type", error instanceof Error ? error.name : "error");
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
};

/** One delivery attempt, in a span of its own (its store statements are its children). */
const deliverOne = (options: OutboxWorkerOptions, job: OutboxRow): Promise<void> => {
  const channel = job.kind === "ALERT" ? job.channel : options.channel.name;
  const attributes = {
    "flowdoctor.delivery.id": job.id,
    "flowdoctor.delivery.channel": channel,
    "flowdoctor.delivery.attempt": job.attempts,
  };
  const name = `${job.kind === "ALERT" ? "alert" : "ticket"}.deliver ${channel}`;
  const start = { name, kind: SpanKind.PRODUCER, attributes };
  return inSpan(start, (span) => attemptDelivery(options, job, span));
};

const deliverTicket = async (options: OutboxWorkerOptions, job: OutboxRow): Promise<void> => {
  const view = job.ticketId === null ? undefined : await loadTicketView(options.db, job.ticketId);
  if (view === undefined) throw new Error(`ticket ${job.ticketId} is gone`);
  const message =
    job.followUp > 0
      ? await composeFollowUpMessage(options.db, view, job, options.message)
      : await composeTicketMessage(options.db, view, options.message);
  await options.channel.deliver({ ...message, deliveryId: job.id });
};

const deliverAlert = async (options: OutboxWorkerOptions, job: OutboxRow): Promise<void> => {
  const channel = options.alertChannels?.get(job.channel);
  if (channel === undefined) throw new Error(`the alert channel "${job.channel}" is not configured`);
  await channel.deliver({ ...(job.payload as AlertMessage), deliveryId: job.id });
};

const attemptDelivery = async (options: OutboxWorkerOptions, job: OutboxRow, span: Span): Promise<void> => {
  try {
    await (job.kind === "ALERT" ? deliverAlert(options, job) : deliverTicket(options, job));
  } catch (error) {
    markSpanFailed(span, error);
    await markFailed(options.db, job, error, backoffDelayMs(job.attempts, options.backoff));
    options.events?.failed?.(job, error);
    return;
  }
  if (await markDelivered(options.db, job)) options.events?.delivered?.(job);
};

/** Creates an outbox worker; several may run against one PostgreSQL and each ticket is delivered once. */
export const createOutboxWorker = (options: OutboxWorkerOptions): OutboxWorker => {
  const leaseMs = options.leaseMs ?? 120_000;
  let running = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<number> | undefined;

  // Each job is tried at most once per pass, so a short back-off cannot turn a pass into a busy loop.
  const drain = async (): Promise<number> => {
    const tried: string[] = [];
    for (
      let job = await claimJob(options.db, leaseMs);
      job !== undefined;
      job = await claimJob(options.db, leaseMs, tried)
    ) {
      tried.push(job.id);
      await deliverOne(options, job);
      if (stopping) break;
    }
    return tried.length;
  };

  const schedule = (delayMs: number) => {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    if (pass !== undefined) return;
    pass = drain().catch((error: unknown) => {
      options.events?.error?.(error);
      return 0;
    });
    void pass.finally(() => {
      pass = undefined;
      schedule(options.pollMs ?? 2000);
    });
  };

  return {
    drain,
    start: () => {
      running = true;
      stopping = false;
      schedule(0);
    },
    wake: () => schedule(0),
    stop: async (waitMs = 10_000) => {
      running = false;
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      if (pass !== undefined)
        await Promise.race([pass, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
    },
  };
};
