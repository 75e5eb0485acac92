/** A daily window, in a time zone, during which a rule's messages are held. */
export interface QuietHours {
  /** `HH:MM`, 24-hour, local to `timeZone`. */
  readonly start: string;
  /** `HH:MM`; before `start` means the window spans midnight. */
  readonly end: string;
  /** `UTC` or an IANA zone such as `Europe/Berlin`. */
  readonly timeZone: string;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MINUTES = 1440;
const MINUTE_MS = 60_000;

/** The minutes since midnight of `HH:MM`, or undefined when it is not one. */
export const minutesOf = (text: string): number | undefined => {
  const match = HH_MM.exec(text);
  return match === null ? undefined : Number(match[1]) * 60 + Number(match[2]);
};

/** Whether `timeZone` is one the runtime knows (`UTC` or IANA). */
export const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
};

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The wall-clock time in `timeZone` at `at`, read as if it were UTC (its difference to `at` is the zone's offset). */
const wallClock = (at: Date, timeZone: string): number => {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
};

/**
 * When the quiet window that holds `at` ends, or undefined when `at` is outside it. Daylight-saving changes inside
 * the window are allowed for: the end is the next instant the local clock shows `end`.
 */
export const quietUntil = (at: Date, quiet: QuietHours): Date | undefined => {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === undefined || end === undefined || start === end) return undefined;
  const local = wallClock(at, quiet.timeZone);
  const minute = Math.floor(local / MINUTE_MS) % DAY_MINUTES;
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return undefined;
  const localEnd =
    Math.floor(local / MINUTE_MS) * MINUTE_MS + ((end - minute + DAY_MINUTES) % DAY_MINUTES) * MINUTE_MS;
  const guess = at.getTime() + (localEnd - local);
  const offsetAtGuess = wallClock(new Date(guess), quiet.timeZone) - guess;
  const offsetAtStart = local - at.getTime();
  return new Date(guess + offsetAtStart - offsetAtGuess);
};
