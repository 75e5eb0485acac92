/**
 * Milliseconds to wait from a `Retry-After` header (delta-seconds or an HTTP date); undefined when absent or unreadable.
 * Dates in the past count as 0.
 */
export const parseRetryAfter = (
  value: string | string[] | undefined,
  now = Date.now(),
): number | undefined => {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
};
