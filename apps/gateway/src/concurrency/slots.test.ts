import { describe, expect, it } from "vitest";
import { createSlots } from "./slots.js";

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe("createSlots", () => {
  it("runs at most max at once and starts the waiting work in arrival order", async () => {
    const slots = createSlots(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, index) =>
      slots.run(async () => {
        started.push(index);
        await gate.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([slots.running(), slots.waiting()]).toEqual([2, 2]);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect([slots.running(), slots.waiting()]).toEqual([0, 0]);
  });

  it("frees the slot of work that fails and passes the failure on", async () => {
    const slots = createSlots(1);
    const failing = slots.run(async () => {
      throw new Error("platform down");
    });
    const next = slots.run(async () => "next");
    await expect(failing).rejects.toThrow("platform down");
    await expect(next).resolves.toBe("next");
    expect(slots.running()).toBe(0);
  });

  it("refuses a size that is not a positive integer", () => {
    expect(() => createSlots(0)).toThrow("max must be a positive integer (got 0)");
  });
});
