import type { GroupEventKind, GroupState, InboxRules } from "./group-state.js";

const HOUR_MS = 3_600_000;

/** A stored group as the transition rules read it. */
export interface GroupSnapshot {
  readonly state: GroupState;
  readonly firstSeen: Date;
  /** When the state last changed (by a person or by the watcher). */
  readonly changedAt: Date;
  readonly snoozeUntil: Date | null;
  readonly snoozeOccurrences: number | null;
  readonly snoozeSeen: number;
  readonly snoozeRateCount: number | null;
  readonly snoozeRateHours: number | null;
}

/** What one cycle saw of a group. */
export interface CycleSighting {
  /** Occurrences read this cycle. */
  readonly count: number;
  /** Those of them logged after the state last changed (a resolve, a snooze). */
  readonly countSinceChange: number;
  /** Occurrences per hour bucket (start of the hour in ms), from the stored hourly counts after this cycle's. */
  readonly hourly: ReadonlyMap<number, number>;
}

/** A group's next state and the event to tell, if any. */
export interface Transition {
  readonly state: GroupState;
  readonly event?: GroupEventKind;
  readonly detail?: Readonly<Record<string, unknown>>;
  /** The snooze's occurrence count after this cycle. */
  readonly snoozeSeen: number;
}

const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

const sumHours = (hourly: ReadonlyMap<number, number>, from: number, to: number): number => {
  let sum = 0;
  for (const [hour, count] of hourly) if (hour >= from && hour < to) sum += count;
  return sum;
};

/**
 * Whether the rate of the current and the previous hour is `factor` times the rate of the `baselineHours` before
 * (and at least `minCount` occurrences).
 */
export const isEscalating = (hourly: ReadonlyMap<number, number>, now: Date, rules: InboxRules): boolean => {
  const { factor, minCount, baselineHours } = rules.escalation;
  const recentStart = hourOf(now.getTime()) - HOUR_MS;
  const recent = sumHours(hourly, recentStart, Number.POSITIVE_INFINITY);
  if (recent < minCount) return false;
  const recentHours = Math.max(1, (now.getTime() - recentStart) / HOUR_MS);
  const baseline = sumHours(hourly, recentStart - baselineHours * HOUR_MS, recentStart) / baselineHours;
  return recent / recentHours >= factor * baseline;
};

const snoozeEnd = (group: GroupSnapshot, sighting: CycleSighting, now: Date): string | undefined => {
  if (group.snoozeUntil !== null && now.getTime() >= group.snoozeUntil.getTime()) return "until";
  const seen = group.snoozeSeen + sighting.countSinceChange;
  if (group.snoozeOccurrences !== null && seen >= group.snoozeOccurrences) return "occurrences";
  if (group.snoozeRateCount === null || group.snoozeRateHours === null) return undefined;
  const from = Math.max(
    hourOf(now.getTime()) - (group.snoozeRateHours - 1) * HOUR_MS,
    hourOf(group.changedAt.getTime()),
  );
  return sumHours(sighting.hourly, from, Number.POSITIVE_INFINITY) >= group.snoozeRateCount
    ? "rate"
    : undefined;
};

const unresolvedNext = (
  group: GroupSnapshot,
  sighting: CycleSighting,
  now: Date,
  rules: InboxRules,
): Transition => {
  const stay = { state: group.state, snoozeSeen: 0 };
  const age = now.getTime() - group.changedAt.getTime();
  if (group.state === "NEW")
    return now.getTime() - group.firstSeen.getTime() >= rules.newPeriodMs
      ? { ...stay, state: "ONGOING" }
      : stay;
  const escalating = isEscalating(sighting.hourly, now, rules);
  if (group.state === "ESCALATING") return escalating ? stay : { ...stay, state: "ONGOING" };
  if (escalating) return { ...stay, state: "ESCALATING", event: "ESCALATING" };
  if (group.state === "REGRESSED" && age >= rules.regressedPeriodMs) return { ...stay, state: "ONGOING" };
  return stay;
};

/**
 * The watcher's rules for one group and cycle: a resolved group seen again (after it was resolved) is REGRESSED; a
 * snooze ends at its time, its count or its rate; NEW turns ONGOING after `newPeriodMs`, REGRESSED after
 * `regressedPeriodMs`; an ongoing or regressed group well above its own recent rate is ESCALATING until it calms.
 * IGNORED stays.
 */
export const nextTransition = (
  group: GroupSnapshot,
  sighting: CycleSighting,
  now: Date,
  rules: InboxRules,
): Transition => {
  switch (group.state) {
    case "IGNORED":
      return { state: "IGNORED", snoozeSeen: 0 };
    case "RESOLVED":
      return sighting.countSinceChange > 0
        ? { state: "REGRESSED", event: "REGRESSED", snoozeSeen: 0 }
        : { state: "RESOLVED", snoozeSeen: 0 };
    case "SNOOZED": {
      const reason = snoozeEnd(group, sighting, now);
      const snoozeSeen = group.snoozeSeen + sighting.countSinceChange;
      return reason === undefined
        ? { state: "SNOOZED", snoozeSeen }
        : { state: "ONGOING", event: "SNOOZE_ENDED", detail: { reason }, snoozeSeen: 0 };
    }
    default:
      return unresolvedNext(group, sighting, now, rules);
  }
};
