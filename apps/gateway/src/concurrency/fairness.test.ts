import { describe, expect, it } from "vitest";
import { createFairness, isRefusal } from "./fairness.js";

describe("createFairness", () => {
  it("lets a caller run its maximum at once, refuses one more, and frees the place when released", () => {
    const fairness = createFairness({ maxConcurrentPerCaller: 2, maxCostPerMinute: 100 });
    const first = fairness.enter("user:a");
    const second = fairness.enter("user:a");
    expect(isRefusal(fairness.enter("user:a"))).toBe(true);
    expect(isRefusal(fairness.enter("user:b"))).toBe(false);
    if (isRefusal(first) || isRefusal(second)) throw new Error("refused too early");
    first();
    first();
    expect(isRefusal(fairness.enter("user:a"))).toBe(false);
  });

  it("spends a budget per minute that refills continuously, and says when enough is back", () => {
    let now = 0;
    const fairness = createFairness({ maxConcurrentPerCaller: 1, maxCostPerMinute: 600, now: () => now });
    expect(fairness.charge("user:a", 500)).toBeUndefined();
    const refusal = fairness.charge("user:a", 200);
    expect(refusal).toMatchObject({ retryAfterSeconds: 10 });
    expect(fairness.charge("user:b", 600)).toBeUndefined();
    now = 10_000;
    expect(fairness.charge("user:a", 200)).toBeUndefined();
  });

  it("forgets callers whose budget is full again once many are tracked", () => {
    let now = 0;
    const fairness = createFairness({ maxConcurrentPerCaller: 1, maxCostPerMinute: 60, now: () => now });
    for (let index = 0; index < 1_001; index += 1) fairness.charge(`ip:${index}`, 60);
    expect(fairness.tracked()).toBe(1_001);
    now = 60_000;
    fairness.charge("ip:new", 1);
    expect(fairness.tracked()).toBe(1);
  });
});
