/**
 * Scenario times: an ISO-8601 date-time, `now`, or an offset from now such as `-3d4h`, `-90m`, `+1h30m`, `-45s`.
 * Relative times keep scenario data fresh whenever the emulator starts.
 */
export type TimeRef = string;

const RELATIVE = /^(?:now)?([+-])((?:\d+[dhms])+)$/;
const PART = /(\d+)([dhms])/g;
const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds of an offset like `3d4h` (without sign). */
const offsetMs = (parts: string): number => {
  let total = 0;
  for (const match of parts.matchAll(PART)) {
    total += Number(match[1]) * (UNIT_MS[match[2] ?? "s"] ?? 0);
  }
  return total;
};

/** The epoch milliseconds of a time reference, or `undefined` when it is not one. */
export const resolveTimeMs = (ref: string, nowMs: number): number | undefined => {
  const trimmed = ref.trim();
  if (trimmed === "now") return nowMs;
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const sign = relative[1] === "-" ? -1 : 1;
    return nowMs + sign * offsetMs(relative[2] ?? "");
  }
  if (!ISO.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Whether a string is a valid time reference. */
export const isTimeRef = (value: unknown): value is TimeRef =>
  typeof value === "string" && resolveTimeMs(value, 0) !== undefined;
