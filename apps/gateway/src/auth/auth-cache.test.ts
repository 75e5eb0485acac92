import type { User } from "@flowdoctor/core";
import { describe, expect, it } from "vitest";
import { createAuthCache } from "./auth-cache.js";

const user = (id: string): User => ({ id, firstName: "A", lastName: "B", email: `${id}@example.com` });
const alice = { email: "alice@example.com", apiKey: "k1" };

describe("createAuthCache", () => {
  it("checks once within the TTL and again after it", async () => {
    let now = 0;
    let checks = 0;
    const cache = createAuthCache({ ttlMs: 1000, now: () => now });
    const check = async () => {
      checks += 1;
      return user("a");
    };
    await cache.resolve(alice, check);
    now = 999;
    await cache.resolve(alice, check);
    expect(checks).toBe(1);
    now = 1000;
    await cache.resolve(alice, check);
    expect(checks).toBe(2);
  });

  it("shares one check between concurrent requests and keys by both e-mail and key", async () => {
    let checks = 0;
    const cache = createAuthCache({ ttlMs: 1000 });
    const check = async () => {
      checks += 1;
      return user(`u${checks}`);
    };
    const [first, second] = await Promise.all([cache.resolve(alice, check), cache.resolve(alice, check)]);
    expect(first).toBe(second);
    await cache.resolve({ ...alice, apiKey: "other" }, check);
    expect(checks).toBe(2);
  });

  it("does not remember a failed check", async () => {
    const cache = createAuthCache({ ttlMs: 1000 });
    await expect(cache.resolve(alice, async () => Promise.reject(new Error("401")))).rejects.toThrow("401");
    await expect(cache.resolve(alice, async () => user("a"))).resolves.toMatchObject({ id: "a" });
  });

  it("checks every time with a TTL of 0, and drops the oldest entry past maxEntries", async () => {
    let checks = 0;
    const check = async () => {
      checks += 1;
      return user("a");
    };
    const off = createAuthCache({ ttlMs: 0 });
    await off.resolve(alice, check);
    await off.resolve(alice, check);
    expect(checks).toBe(2);
    const small = createAuthCache({ ttlMs: 1000, maxEntries: 2 });
    for (const key of ["1", "2", "3"]) await small.resolve({ email: "x@example.com", apiKey: key }, check);
    expect(small.size()).toBe(2);
  });
});
