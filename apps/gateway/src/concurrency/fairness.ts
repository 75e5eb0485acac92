/** Options of {@link createFairness}. */
export interface FairnessOptions {
  /** Operations one caller may run at once. */
  readonly maxConcurrentPerCaller: number;
  /** Estimated cost one caller may spend per minute; unspent budget refills continuously. */
  readonly maxCostPerMinute: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Why a caller must wait, and for how long in whole seconds. */
export interface Refusal {
  readonly reason: string;
  readonly retryAfterSeconds: number;
}

/** Per-caller limits, so that no one caller takes every slot or the whole platform budget. */
export interface Fairness {
  /** Starts an operation of `caller`: a release function, or a refusal when the caller already runs its maximum. */
  enter(caller: string): (() => void) | Refusal;
  /** Spends `cost` of the caller's budget for the minute, or refuses (spending nothing) when too little is left. */
  charge(caller: string, cost: number): Refusal | undefined;
  /** Callers tracked now (for tests: idle callers are forgotten). */
  readonly tracked: () => number;
}

const MINUTE_MS = 60_000;
/** A refused concurrent operation may try again after this long: operations usually finish within it. */
const BUSY_RETRY_SECONDS = 1;
/** Beyond this many callers in the budget table, those with a full budget again are dropped. */
const PRUNE_ABOVE = 1_000;

interface Budget {
  left: number;
  at: number;
}

/** Creates per-caller limits on concurrent operations and on cost per minute (a token bucket per caller). */
export const createFairness = (options: FairnessOptions): Fairness => {
  const now = options.now ?? Date.now;
  const capacity = options.maxCostPerMinute;
  const perMs = capacity / MINUTE_MS;
  const running = new Map<string, number>();
  const budgets = new Map<string, Budget>();

  const refill = (budget: Budget, at: number): Budget => {
    budget.left = Math.min(capacity, budget.left + (at - budget.at) * perMs);
    budget.at = at;
    return budget;
  };

  const prune = (at: number) => {
    if (budgets.size <= PRUNE_ABOVE) return;
    for (const [caller, budget] of budgets) if (refill(budget, at).left >= capacity) budgets.delete(caller);
  };

  return {
    enter(caller) {
      const count = running.get(caller) ?? 0;
      if (count >= options.maxConcurrentPerCaller) {
        return {
          reason: `this caller already runs ${count} operations at once, the most allowed (MAX_CONCURRENT_OPERATIONS_PER_CALLER)`,
          retryAfterSeconds: BUSY_RETRY_SECONDS,
        };
      }
      running.set(caller, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (running.get(caller) ?? 1) - 1;
        if (left === 0) running.delete(caller);
        else running.set(caller, left);
      };
    },
    charge(caller, cost) {
      const at = now();
      prune(at);
      const budget = refill(budgets.get(caller) ?? { left: capacity, at }, at);
      budgets.set(caller, budget);
      if (cost <= budget.left) {
        budget.left -= cost;
        return undefined;
      }
      return {
        reason: `this caller has spent its query cost budget of ${capacity} per minute (MAX_COST_PER_MINUTE)`,
        retryAfterSeconds: Math.max(1, Math.ceil((cost - budget.left) / perMs / 1000)),
      };
    },
    tracked: () => Math.max(running.size, budgets.size),
  };
};

/** Whether a value returned by {@link Fairness.enter} or {@link Fairness.charge} is a refusal. */
export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === "object" && value !== null && "retryAfterSeconds" in value;
