import { openTicketDb, type TicketDatabase } from "@flowdoctor/tickets";
import { describe, expect, it } from "vitest";
import { createReadinessCheck, ticketStoreProbe } from "./readiness.js";

describe("createReadinessCheck", () => {
  it("lists what is not usable, and probes at most once per cacheMs however often it is asked", async () => {
    let now = 0;
    let calls = 0;
    let platformDown = true;
    const check = createReadinessCheck({
      probes: [
        async () => {
          calls += 1;
          return platformDown ? "the platform is unreachable" : undefined;
        },
        async () => undefined,
      ],
      cacheMs: 5_000,
      now: () => now,
    });
    expect(await Promise.all([check(), check(), check()])).toEqual([
      ["the platform is unreachable"],
      ["the platform is unreachable"],
      ["the platform is unreachable"],
    ]);
    platformDown = false;
    now = 4_999;
    expect(await check()).toEqual(["the platform is unreachable"]);
    now = 5_000;
    expect(await check()).toEqual([]);
    expect(calls).toBe(2);
  });
});

describe("ticketStoreProbe", () => {
  it("passes while the store answers and names it once it does not", async () => {
    const database = await openTicketDb({ dataDir: "memory://" });
    const probe = ticketStoreProbe(database, 2_000);
    expect(await probe()).toBeUndefined();
    await database.close();
    expect(await probe()).toMatch(/^the ticket store \(memory:\/\/\) is not usable \(.+\)$/);
  }, 60_000);

  it("gives up on a store that does not answer in time", async () => {
    const hanging = {
      location: "postgres://db.example:5432/flowdoctor (schema public)",
      withSession: () => new Promise<never>(() => undefined),
    } as unknown as TicketDatabase;
    expect(await ticketStoreProbe(hanging, 50)()).toBe(
      "the ticket store (postgres://db.example:5432/flowdoctor (schema public)) is not usable (no answer within 50 ms)",
    );
  });
});
