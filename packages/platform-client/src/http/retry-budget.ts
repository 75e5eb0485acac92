/**
 * A token bucket shared by all requests of one client: each first attempt earns `ratio` of a retry, each retry
 * spends one. It starts full with `burst` retries, so a short outage is retried but a long one is not hammered.
 */
export class RetryBudget {
  readonly #ratio: number;
  readonly #burst: number;
  #balance: number;

  constructor(options: { readonly ratio: number; readonly burst: number }) {
    this.#ratio = options.ratio;
    this.#burst = options.burst;
    this.#balance = options.burst;
  }

  /** Records a first attempt. */
  deposit(): void {
    this.#balance = Math.min(this.#burst, this.#balance + this.#ratio);
  }

  /** Spends one retry; false when the budget is exhausted. */
  tryWithdraw(): boolean {
    if (this.#balance < 1) return false;
    this.#balance -= 1;
    return true;
  }

  /** Retries left right now. */
  get balance(): number {
    return this.#balance;
  }
}
