import { describe, expect, it } from "vitest";
import { cronTimes, parseCron } from "./cron.js";

const DAY = Date.UTC(2031, 2, 3); // a Monday

describe("parseCron and cronTimes", () => {
  it("reads steps, ranges and lists, and runs in UTC", () => {
    const schedule = parseCron("*/15 8-9 * * 1-5");
    const times = cronTimes(schedule as NonNullable<typeof schedule>, DAY, DAY + 86_399_999);
    expect(times.map((at) => new Date(at).toISOString().slice(11, 16))).toEqual([
      "08:00",
      "08:15",
      "08:30",
      "08:45",
      "09:00",
      "09:15",
      "09:30",
      "09:45",
    ]);
  });

  it("skips days the schedule excludes, and treats 7 as Sunday", () => {
    const weekends = parseCron("0 2 * * 6,7");
    const week = cronTimes(weekends as NonNullable<typeof weekends>, DAY, DAY + 7 * 86_400_000);
    expect(week.map((at) => new Date(at).getUTCDay())).toEqual([6, 0]);
  });

  it("drops a leading seconds field and refuses what it cannot read", () => {
    expect(parseCron("0 0 3 * * *")?.hours).toEqual(new Set([3]));
    for (const bad of ["", "* * *", "61 * * * *", "*/0 * * * *", "@daily", "MON * * * *"])
      expect(parseCron(bad), bad).toBeUndefined();
  });

  it("runs on either restricted day field, as cron does", () => {
    const schedule = parseCron("0 0 1 * 1");
    const month = cronTimes(
      schedule as NonNullable<typeof schedule>,
      Date.UTC(2031, 2, 1),
      Date.UTC(2031, 2, 31),
    );
    expect(month.map((at) => new Date(at).getUTCDate())).toEqual([1, 3, 10, 17, 24, 31]);
  });
});
