const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** What one hour of the silent span normally holds, from the same hour of comparable earlier days. */
export interface HourExpectation {
  /** Share of comparable days with at least one message in this hour (smoothed towards 0). */
  readonly activeShare: number;
  /** Mean messages in this hour over comparable days. */
  readonly mean: number;
  readonly days: number;
}

const isWeekend = (ms: number): boolean => {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
};

/** Messages per hour slot (epoch hour number → count). */
export const countByHour = (starts: readonly number[]): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const at of starts) {
    const hour = Math.floor(at / HOUR_MS);
    counts.set(hour, (counts.get(hour) ?? 0) + 1);
  }
  return counts;
};

/**
 * The baseline of one hour slot: the same hour of day on earlier days of the same kind (weekday or weekend) from
 * `historyStartMs` up to `beforeMs`. Comparing like with like keeps nights and weekends from looking like outages.
 */
export const expectHour = (
  hourMs: number,
  counts: ReadonlyMap<number, number>,
  historyStartMs: number,
  beforeMs: number,
  splitWeekends = true,
): HourExpectation => {
  let days = 0;
  let active = 0;
  let total = 0;
  for (let earlier = hourMs - DAY_MS; earlier >= historyStartMs; earlier -= DAY_MS) {
    if (earlier + HOUR_MS > beforeMs || (splitWeekends && isWeekend(earlier) !== isWeekend(hourMs))) continue;
    const count = counts.get(Math.floor(earlier / HOUR_MS)) ?? 0;
    days += 1;
    total += count;
    if (count > 0) active += 1;
  }
  return { activeShare: days === 0 ? 0 : active / (days + 1), mean: days === 0 ? 0 : total / days, days };
};

/**
 * Whether weekends have their own rhythm: messages per weekend day and per weekday differ by more than half. A flow
 * busy every day is compared with all earlier days, which gives its weekend hours twice the evidence.
 */
export const hasWeekendRhythm = (
  starts: readonly number[],
  historyStartMs: number,
  endMs: number,
): boolean => {
  let weekendDays = 0;
  let weekDays = 0;
  for (let day = Math.ceil(historyStartMs / DAY_MS) * DAY_MS; day + DAY_MS <= endMs; day += DAY_MS) {
    if (isWeekend(day)) weekendDays += 1;
    else weekDays += 1;
  }
  if (weekendDays === 0 || weekDays === 0) return true;
  const weekend = starts.filter(isWeekend).length / weekendDays;
  const week = (starts.length - starts.filter(isWeekend).length) / weekDays;
  return week === 0 || weekend / week < 0.5 || weekend / week > 2;
};
