/** The result of reading an ISO-8601 date-time that must carry a time zone. */
export type ZonedDateTime =
  | { readonly ok: true; readonly epochMs: number }
  | { readonly ok: false; readonly reason: "format" | "zone" | "calendar" };

const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
// The same shape without a zone: recognised only to say "add a time zone" instead of "not a date-time".
const LOCAL = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads `YYYY-MM-DDThh:mm[:ss[.fff]]` followed by `Z` or `±hh:mm`, checking the calendar (no 30 February)
 * rather than trusting `Date.parse`, which accepts many shapes and rolls invalid days over.
 */
export const parseZonedDateTime = (text: string): ZonedDateTime => {
  const match = ZONED.exec(text);
  if (!match) return { ok: false, reason: LOCAL.test(text) ? "zone" : "format" };
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? "0")) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  const offsetHours = Number(match[10] ?? "0");
  const offsetMinutes = Number(match[11] ?? "0");
  const calendarOk =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59;
  if (!calendarOk) return { ok: false, reason: "calendar" };
  const sign = match[9] === "-" ? -1 : 1;
  const offsetMs = match[8] ? 0 : sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return { ok: true, epochMs: Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs };
};
