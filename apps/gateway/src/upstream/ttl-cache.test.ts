import { describe, expect, it } from "vitest";
import { createTtlCache } from "./ttl-cache.js";

describe("createTtlCache", () => {
  const clock = () => {
    let time = 0;
    return { now: () => time, advance: (ms: number) => (time += ms) };
  };

  it("loads a key once within its time to live and again after it", async () => {
    const { now, advance } = clock();
    const cache = createTtlCache<number>({ ttlMs: 1000, maxEntries: 10, now });
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.resolve("a", load), cache.resolve("a", load)])).toEqual([1, 1]);
    advance(999);
    expect(await cache.resolve("a", load)).toBe(1);
    advance(1);
    expect(await cache.resolve("a", load)).toBe(2);
  });

  it("forgets failed loads, keeps at most maxEntries and caches nothing at ttl 0", async () => {
    const cache = createTtlCache<string>({ ttlMs: 1000, maxEntries: 2 });
    await expect(cache.resolve("x", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.resolve("x", async () => "up")).toBe("up");
    await cache.resolve("y", async () => "y");
    await cache.resolve("z", async () => "z");
    expect(cache.size()).toBe(2);
    expect(await cache.resolve("x", async () => "reloaded")).toBe("reloaded");
    const off = createTtlCache<string>({ ttlMs: 0, maxEntries: 2 });
    await off.resolve("a", async () => "a");
    expect(off.size()).toBe(0);
  });
});
