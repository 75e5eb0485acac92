/** Retry timing of the outbox. */
export interface BackoffOptions {
  /** The wait after the first failed attempt, in ms; it doubles per attempt. @default 5000 */
  readonly baseMs?: number;
  /** The longest wait, in ms. @default 600000 (10 minutes) */
  readonly maxMs?: number;
}

/** The wait before the next attempt after `attempts` failed ones: doubling, capped, plus up to 10% jitter. */
export const backoffDelayMs = (
  attempts: number,
  options: BackoffOptions = {},
  random = Math.random,
): number => {
  const base = options.baseMs ?? 5000;
  const max = options.maxMs ?? 600_000;
  const delay = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (1 + random() * 0.1));
};
