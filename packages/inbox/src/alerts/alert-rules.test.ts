import type { TestTicketDb } from "@flowdoctor/tickets/testing";
import { TEST_BACKENDS } from "@flowdoctor/tickets/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestInboxDb } from "../testing/test-inbox-db.js";
import { type AlertRuleInput, deleteAlertRule, listAlertRules, setAlertRule } from "./alert-rules.js";

const WS = "09d652221e2f6713ca2e10da";
const CHANNELS = new Set(["ops-mail", "ops-hook"]);
const base: AlertRuleInput = { workspaceId: WS, name: "prod", events: ["NEW"], channel: "ops-mail" };

describe.each(TEST_BACKENDS)("alert rules (%s)", (backend) => {
  let store: TestTicketDb;
  beforeAll(async () => {
    store = await openTestInboxDb(backend);
  });
  afterAll(async () => store?.drop());

  const set = (input: Partial<AlertRuleInput>, by = "alice", hour = 1) =>
    setAlertRule(
      store.db,
      { ...base, ...input },
      { by, now: new Date(Date.UTC(2030, 2, 4, hour)), channels: CHANNELS },
    );

  it("creates a rule, then replaces it by name keeping who created it", async () => {
    const created = await set({ levels: ["PLATFORM"], causes: ["OUT_OF_MEMORY", "OUT_OF_MEMORY"] });
    expect(created).toMatchObject({
      name: "prod",
      events: ["NEW"],
      levels: ["PLATFORM"],
      causes: ["OUT_OF_MEMORY"],
      digestMinutes: 0,
      quietHours: null,
      createdBy: "alice",
      updatedBy: "alice",
    });
    const changed = await set(
      {
        events: ["NEW", "REGRESSED"],
        channel: "ops-hook",
        digestMinutes: 60,
        quietHours: { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" },
      },
      "bob",
      2,
    );
    expect(changed).toMatchObject({
      id: created.id,
      channel: "ops-hook",
      levels: [],
      quietHours: { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" },
      createdBy: "alice",
      createdAt: created.createdAt,
      updatedBy: "bob",
      updatedAt: new Date(Date.UTC(2030, 2, 4, 2)),
    });
  });

  it("refuses bad input naming the field, with a stable code, and writes nothing", async () => {
    const cases: [Partial<AlertRuleInput>, string][] = [
      [{ name: " " }, "name"],
      [{ name: "a\u0000b" }, "name"],
      [{ name: "a\udc00b" }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ events: [] }, "events"],
      [{ events: ["RESOLVED" as "NEW"] }, "events"],
      [{ levels: ["LOUD" as "PLATFORM"] }, "levels"],
      [{ causes: ["GREMLINS" as "UNKNOWN"] }, "causes"],
      [{ channel: "https://attacker.example/hook" }, "channel"],
      [{ digestMinutes: -1 }, "digestMinutes"],
      [{ digestMinutes: 1.5 }, "digestMinutes"],
      [{ quietHours: { start: "25:00", end: "07:00", timeZone: "UTC" } }, "quietHours.start"],
      [{ quietHours: { start: "07:00", end: "07:00", timeZone: "UTC" } }, "quietHours.end"],
      [{ quietHours: { start: "22:00", end: "07:00", timeZone: "Mars/Olympus" } }, "quietHours.timeZone"],
    ];
    for (const [input, field] of cases)
      await expect(set({ name: "broken", ...input })).rejects.toMatchObject({
        code: "BAD_USER_INPUT",
        extensions: { code: "BAD_USER_INPUT", field },
      });
    expect((await listAlertRules(store.db, WS)).map((rule) => rule.name)).toEqual(["prod"]);
  });

  it("deletes a rule by name; NOT_FOUND for one it does not have", async () => {
    expect((await deleteAlertRule(store.db, WS, "prod")).name).toBe("prod");
    await expect(deleteAlertRule(store.db, WS, "prod")).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND", field: "name" },
    });
    expect(await listAlertRules(store.db, WS)).toEqual([]);
  });
});
