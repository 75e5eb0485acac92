/** A parsed five-field cron expression (minute hour day-of-month month day-of-week), evaluated in UTC. */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  readonly anyDayOfMonth: boolean;
  readonly anyDayOfWeek: boolean;
}

const FIELD = /^(\*|\d+(?:-\d+)?)(?:\/(\d+))?$/;

const parseField = (text: string, min: number, max: number): Set<number> | undefined => {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const match = FIELD.exec(part);
    if (!match) return undefined;
    const [range = "*", stepText] = [match[1], match[2]];
    const step = stepText === undefined ? 1 : Number(stepText);
    const [from, to] =
      range === "*"
        ? [min, max]
        : range.includes("-")
          ? (range.split("-").map(Number) as [number, number])
          : [Number(range), stepText === undefined ? Number(range) : max];
    if (step < 1 || from < min || to > max || from > to) return undefined;
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
};

/** Parses `m h dom mon dow` (a sixth leading seconds field is dropped); undefined for what it cannot read. */
export const parseCron = (expression: string): CronSchedule | undefined => {
  const fields = expression.trim().split(/\s+/);
  const five = fields.length === 6 ? fields.slice(1) : fields;
  if (five.length !== 5) return undefined;
  const [minute, hour, dom, month, dow] = five as [string, string, string, string, string];
  const minutes = parseField(minute, 0, 59);
  const hours = parseField(hour, 0, 23);
  const daysOfMonth = parseField(dom, 1, 31);
  const months = parseField(month, 1, 12);
  const weekdays = parseField(dow, 0, 7);
  if (!minutes || !hours || !daysOfMonth || !months || !weekdays) return undefined;
  const daysOfWeek = new Set([...weekdays].map((day) => day % 7));
  return {
    minutes,
    hours,
    daysOfMonth,
    months,
    daysOfWeek,
    anyDayOfMonth: dom === "*",
    anyDayOfWeek: dow === "*",
  };
};

const DAY_MS = 86_400_000;

// Standard cron: when both day fields are restricted, a day matching either runs.
const dayMatches = (schedule: CronSchedule, day: Date): boolean => {
  if (!schedule.months.has(day.getUTCMonth() + 1)) return false;
  const dom = schedule.daysOfMonth.has(day.getUTCDate());
  const dow = schedule.daysOfWeek.has(day.getUTCDay());
  if (schedule.anyDayOfMonth) return dow;
  if (schedule.anyDayOfWeek) return dom;
  return dom || dow;
};

/** Scheduled times (epoch ms) in `[fromMs, toMs]`, oldest first, at most `limit` of them. */
export const cronTimes = (schedule: CronSchedule, fromMs: number, toMs: number, limit = 50_000): number[] => {
  const times: number[] = [];
  const hours = [...schedule.hours].sort((a, b) => a - b);
  const minutes = [...schedule.minutes].sort((a, b) => a - b);
  for (let dayMs = Math.floor(fromMs / DAY_MS) * DAY_MS; dayMs <= toMs; dayMs += DAY_MS) {
    if (!dayMatches(schedule, new Date(dayMs))) continue;
    for (const hour of hours)
      for (const minute of minutes) {
        const at = dayMs + hour * 3_600_000 + minute * 60_000;
        if (at < fromMs || at > toMs) continue;
        times.push(at);
        if (times.length >= limit) return times;
      }
  }
  return times;
};
