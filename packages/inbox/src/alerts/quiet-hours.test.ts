import { describe, expect, it } from "vitest";
import { quietUntil } from "./quiet-hours.js";

const iso = (date: Date | undefined) => date?.toISOString();

describe("quietUntil", () => {
  it("holds inside a UTC window across midnight and lets go at its end", () => {
    const night = { start: "22:00", end: "07:00", timeZone: "UTC" };
    expect(iso(quietUntil(new Date("2030-03-04T23:15:30Z"), night))).toBe("2030-03-05T07:00:00.000Z");
    expect(iso(quietUntil(new Date("2030-03-05T06:59:59Z"), night))).toBe("2030-03-05T07:00:00.000Z");
    expect(quietUntil(new Date("2030-03-05T07:00:00Z"), night)).toBeUndefined();
    expect(quietUntil(new Date("2030-03-04T21:59:00Z"), night)).toBeUndefined();
  });

  it("reads the window in an IANA zone, through a daylight-saving change", () => {
    const berlin = { start: "22:00", end: "07:00", timeZone: "Europe/Berlin" };
    // 23:00 CET on the night clocks go forward: the window ends at 07:00 CEST, 05:00 UTC.
    expect(iso(quietUntil(new Date("2030-03-30T22:00:00Z"), berlin))).toBe("2030-03-31T05:00:00.000Z");
    // A winter night: 07:00 CET is 06:00 UTC.
    expect(iso(quietUntil(new Date("2030-01-10T02:00:00Z"), berlin))).toBe("2030-01-10T06:00:00.000Z");
    expect(quietUntil(new Date("2030-01-10T12:00:00Z"), berlin)).toBeUndefined();
  });

  it("holds within a daytime window", () => {
    const lunch = { start: "12:00", end: "13:30", timeZone: "America/New_York" };
    expect(iso(quietUntil(new Date("2030-07-01T16:10:00Z"), lunch))).toBe("2030-07-01T17:30:00.000Z");
    expect(quietUntil(new Date("2030-07-01T17:30:00Z"), lunch)).toBeUndefined();
  });
});
