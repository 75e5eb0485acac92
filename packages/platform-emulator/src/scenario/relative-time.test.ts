import { describe, expect, it } from "vitest";
import { isTimeRef, resolveTimeMs } from "./relative-time.js";

const NOW = Date.parse("2026-03-02T12:00:00.000Z");

describe("resolveTimeMs", () => {
  it("resolves now, offsets and ISO times", () => {
    expect(resolveTimeMs("now", NOW)).toBe(NOW);
    expect(resolveTimeMs("-90m", NOW)).toBe(NOW - 90 * 60_000);
    expect(resolveTimeMs("-3d4h", NOW)).toBe(NOW - 3 * 86_400_000 - 4 * 3_600_000);
    expect(resolveTimeMs("now+1h30m", NOW)).toBe(NOW + 90 * 60_000);
    expect(resolveTimeMs("-45s", NOW)).toBe(NOW - 45_000);
    expect(resolveTimeMs("2026-01-01T00:00:00Z", NOW)).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("rejects anything else", () => {
    for (const bad of ["yesterday", "-3x", "3d", "2026-01-01", "", "-", "2026-13-45T99:00:00Z"]) {
      expect(resolveTimeMs(bad, NOW), bad).toBeUndefined();
      expect(isTimeRef(bad), bad).toBe(false);
    }
    expect(isTimeRef(42)).toBe(false);
  });
});
