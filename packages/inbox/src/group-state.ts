/**
 * Where a group is in its life. NEW, ONGOING, REGRESSED and ESCALATING are unresolved and set by the watcher;
 * people set ONGOING, RESOLVED, IGNORED and SNOOZED.
 */
export const GROUP_STATES = [
  "NEW",
  "ONGOING",
  "REGRESSED",
  "ESCALATING",
  "RESOLVED",
  "IGNORED",
  "SNOOZED",
] as const;
export type GroupState = (typeof GROUP_STATES)[number];

/** The states a person may set. */
export const SETTABLE_STATES = ["ONGOING", "RESOLVED", "IGNORED", "SNOOZED"] as const;
export type SettableState = (typeof SETTABLE_STATES)[number];

/** The states the watcher moves on by itself (the rest stay until a person or a snooze condition changes them). */
export const UNRESOLVED_STATES: readonly GroupState[] = ["NEW", "ONGOING", "REGRESSED", "ESCALATING"];

/**
 * What happened to a group: it appeared (NEW), came back after being resolved (REGRESSED), rose well above its own
 * recent rate (ESCALATING), a snooze ran out (SNOOZE_ENDED), or a person changed its state (STATE_CHANGED).
 */
export const GROUP_EVENT_KINDS = ["NEW", "REGRESSED", "ESCALATING", "SNOOZE_ENDED", "STATE_CHANGED"] as const;
export type GroupEventKind = (typeof GROUP_EVENT_KINDS)[number];

/** Until when a snoozed group stays quiet; the first condition met wakes it. */
export interface Snooze {
  readonly until?: Date;
  /** Wake after this many more occurrences. */
  readonly occurrences?: number;
  /** Wake when it occurs `count` times within `hours` (by the hourly counts). */
  readonly rate?: { readonly count: number; readonly hours: number };
}

/** The thresholds of the watcher's automatic transitions. */
export interface InboxRules {
  /** A group stays NEW this long after it was first seen, then is ONGOING. @default 72 hours */
  readonly newPeriodMs: number;
  /** A group stays REGRESSED this long after it came back, then is ONGOING. @default 72 hours */
  readonly regressedPeriodMs: number;
  /**
   * ESCALATING: the last one to two hours' rate is at least `factor` times the rate of the `baselineHours` before,
   * and at least `minCount` occurrences.
   */
  readonly escalation: { readonly factor: number; readonly minCount: number; readonly baselineHours: number };
  /** Hourly counts, events and sent alerts older than this are deleted. @default 90 */
  readonly retentionDays: number;
}

const HOUR_MS = 3_600_000;

export const DEFAULT_RULES: InboxRules = {
  newPeriodMs: 72 * HOUR_MS,
  regressedPeriodMs: 72 * HOUR_MS,
  escalation: { factor: 5, minCount: 10, baselineHours: 24 },
  retentionDays: 90,
};
