import { describe, expect, it } from "vitest";
import { parseZonedDateTime } from "./zoned-date-time.js";

describe("parseZonedDateTime", () => {
  it("reads UTC and offset times to the same instant as Date.parse", () => {
    for (const text of [
      "2026-03-27T15:39:02.825Z",
      "2026-03-27T16:39:02+01:00",
      "2026-03-27T10:09-05:30",
      "2024-02-29T00:00:00Z",
    ]) {
      expect(parseZonedDateTime(text)).toEqual({ ok: true, epochMs: Date.parse(text) });
    }
  });

  it("keeps milliseconds and ignores digits beyond them", () => {
    const parsed = parseZonedDateTime("2026-03-27T15:39:02.123456789Z");
    expect(parsed).toEqual({ ok: true, epochMs: Date.parse("2026-03-27T15:39:02.123Z") });
  });

  it("says a time zone is missing when the rest is a date-time", () => {
    expect(parseZonedDateTime("2026-03-27T15:39:02")).toEqual({ ok: false, reason: "zone" });
    expect(parseZonedDateTime("2026-03-27 15:39")).toEqual({ ok: false, reason: "zone" });
    expect(parseZonedDateTime("2026-03-27")).toEqual({ ok: false, reason: "zone" });
  });

  it("rejects other shapes as format errors", () => {
    for (const text of ["27.03.2026 15:39", "yesterday", "2026-03-27T15:39:02+0100", "1711553942", ""]) {
      expect(parseZonedDateTime(text)).toEqual({ ok: false, reason: "format" });
    }
  });

  it("rejects impossible calendar values that Date.parse would roll over", () => {
    for (const text of [
      "2026-02-29T10:00Z",
      "2026-04-31T10:00Z",
      "2026-13-01T10:00Z",
      "2026-03-27T24:00Z",
      "2026-03-27T10:60Z",
      "2026-03-27T10:00+15:00",
    ]) {
      expect(parseZonedDateTime(text)).toEqual({ ok: false, reason: "calendar" });
    }
  });
});
