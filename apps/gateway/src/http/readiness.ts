import type { TicketDatabase } from "@flowdoctor/tickets";

/** A dependency check: undefined when it is usable, else why not. Must not throw. */
export type DependencyProbe = () => Promise<string | undefined>;

/** Options of {@link createReadinessCheck}. */
export interface ReadinessCheckOptions {
  readonly probes: readonly DependencyProbe[];
  /** How long one round of probes answers every `/readyz`, so frequent polling costs nothing. @default 5000 */
  readonly cacheMs?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Runs the probes at most once per `cacheMs` (callers meanwhile share the last round) and lists what is not usable. */
export const createReadinessCheck = (options: ReadinessCheckOptions): (() => Promise<string[]>) => {
  const cacheMs = options.cacheMs ?? 5_000;
  const now = options.now ?? Date.now;
  let last: { at: number; problems: Promise<string[]> } | undefined;
  const probeAll = async () =>
    (await Promise.all(options.probes.map((probe) => probe()))).filter(
      (problem): problem is string => problem !== undefined,
    );
  return () => {
    if (last === undefined || now() - last.at >= cacheMs) last = { at: now(), problems: probeAll() };
    return last.problems;
  };
};

const withTimeout = <TValue>(work: Promise<TValue>, timeoutMs: number): Promise<TValue> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

/** A probe that the ticket store answers `SELECT 1` within `timeoutMs`. */
export const ticketStoreProbe =
  (database: TicketDatabase, timeoutMs: number): DependencyProbe =>
  async () => {
    try {
      await withTimeout(
        database.withSession((session) => session.query("SELECT 1")),
        timeoutMs,
      );
      return undefined;
    } catch (error) {
      return `the ticket store (${database.location}) is not usable (${(error as Error).message})`;
    }
  };
