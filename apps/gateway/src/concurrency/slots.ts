/** A fixed number of slots for work that holds memory while it runs (log scans, GraphQL operations). */
export interface Slots {
  /** Runs `work` once a slot is free, in arrival order; the slot is freed when the work settles. */
  run<TResult>(work: () => Promise<TResult>): Promise<TResult>;
  /** Work running now. */
  readonly running: () => number;
  /** Work waiting for a slot. */
  readonly waiting: () => number;
}

/**
 * Creates `max` slots. Bounding how much work runs at once bounds the memory it holds under a burst of requests;
 * the work waiting holds next to nothing, and on two cores running more at once would not finish it sooner.
 */
export const createSlots = (max: number): Slots => {
  if (!Number.isSafeInteger(max) || max < 1)
    throw new RangeError(`max must be a positive integer (got ${max})`);
  const queue: (() => void)[] = [];
  let running = 0;
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  };
  const acquire = (): Promise<void> => {
    if (running < max) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => queue.push(resolve));
  };
  return {
    run: async (work) => {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    running: () => running,
    waiting: () => queue.length,
  };
};
