/** Options of {@link createTtlCache}. */
export interface TtlCacheOptions {
  /** How long a loaded value is kept, in ms; 0 turns the cache off. */
  readonly ttlMs: number;
  /** The most entries kept; the oldest go first. */
  readonly maxEntries: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Values loaded once per key and kept for a while; failed loads are forgotten at once. */
export interface TtlCache<TValue> {
  /** The cached value of `key`, or the one `load` gives (concurrent callers of one key share one load). */
  resolve(key: string, load: () => Promise<TValue>): Promise<TValue>;
  readonly size: () => number;
}

/** Creates a bounded cache with a time to live, for data the platform changes rarely. */
export const createTtlCache = <TValue>(options: TtlCacheOptions): TtlCache<TValue> => {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: Promise<TValue>; expiresAt: number }>();
  const resolve = (key: string, load: () => Promise<TValue>): Promise<TValue> => {
    const cached = entries.get(key);
    if (cached && cached.expiresAt > now()) return cached.value;
    entries.delete(key);
    const value = load();
    if (options.ttlMs <= 0) return value;
    entries.set(key, { value, expiresAt: now() + options.ttlMs });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
    return value;
  };
  return { resolve, size: () => entries.size };
};
