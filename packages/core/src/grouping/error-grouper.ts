import { CoreError } from "../errors.js";
import type { ErrorGroup, GroupableLogEntry, GroupErrorsOptions } from "./error-group.js";
import { fingerprintPattern } from "./fingerprint-error.js";
import { type ResolvedGroupingOptions, resolveGroupingOptions } from "./grouping-options.js";
import { normalizeErrorMessage } from "./normalize-error-message.js";

/** A grouping you feed entries one by one (pages of `GET /v2/logs`, a stream) and read at any time. */
export interface ErrorGrouper<TEntry extends GroupableLogEntry = GroupableLogEntry> {
  /** Adds one entry; throws `CORE_INVALID_INPUT` for an entry without a message, flow, step or valid time. */
  add(entry: TEntry): void;
  addAll(entries: Iterable<TEntry>): void;
  /** How many groups there are so far. */
  readonly size: number;
  /** The groups so far, latest `lastSeen` first; ties: higher count, then fingerprint. */
  groups(): ErrorGroup<TEntry>[];
}

interface GroupState<TEntry> {
  readonly flowId: string;
  readonly stepId: string | undefined;
  readonly pattern: string;
  count: number;
  first: number;
  last: number;
  sample: TEntry;
  readonly steps: Set<string>;
  readonly executions: Set<string>;
  readonly entries: TEntry[] | undefined;
}

// Many log lines repeat word for word; the cache skips normalizing them again. Cleared when full.
const PATTERN_CACHE_SIZE = 4096;

const checkEntry = (entry: GroupableLogEntry): number => {
  for (const field of ["message", "flowId", "stepId", "timestamp"] as const) {
    if (typeof entry?.[field] !== "string") {
      throw new CoreError("CORE_INVALID_INPUT", `entry.${field} must be a string`);
    }
  }
  const time = Date.parse(entry.timestamp);
  if (Number.isNaN(time)) {
    const shown = JSON.stringify(entry.timestamp.slice(0, 40));
    throw new CoreError("CORE_INVALID_INPUT", `entry.timestamp must be an ISO-8601 date-time, got ${shown}`);
  }
  return time;
};

const toGroup = <TEntry extends GroupableLogEntry>(
  state: GroupState<TEntry>,
  options: ResolvedGroupingOptions,
): ErrorGroup<TEntry> => ({
  fingerprint: fingerprintPattern(state.pattern, state.flowId, state.stepId),
  flowId: state.flowId,
  ...(state.stepId === undefined ? {} : { stepId: state.stepId }),
  pattern: state.pattern,
  count: state.count,
  firstSeen: new Date(state.first).toISOString(),
  lastSeen: new Date(state.last).toISOString(),
  steps: [...state.steps].sort(),
  executionCount: state.executions.size,
  executionIds: [...state.executions].slice(0, options.maxExecutionIds),
  sample: state.sample,
  ...(state.entries ? { entries: state.entries } : {}),
});

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ISO strings from `toISOString` have one fixed width, so comparing them as text compares the times.
const byLastSeen = (a: ErrorGroup, b: ErrorGroup): number =>
  compareText(b.lastSeen, a.lastSeen) || b.count - a.count || compareText(a.fingerprint, b.fingerprint);

const childOf = <TValue>(parent: Map<string, Map<string, TValue>>, key: string): Map<string, TValue> => {
  let child = parent.get(key);
  if (child === undefined) {
    child = new Map();
    parent.set(key, child);
  }
  return child;
};

const newState = <TEntry extends GroupableLogEntry>(
  entry: TEntry,
  stepId: string | undefined,
  pattern: string,
  time: number,
  keepEntries: boolean,
): GroupState<TEntry> => ({
  flowId: entry.flowId,
  stepId,
  pattern,
  count: 0,
  first: time,
  last: time,
  sample: entry,
  steps: new Set(),
  executions: new Set(),
  entries: keepEntries ? [] : undefined,
});

/** `normalizeErrorMessage` behind a bounded cache of raw messages. */
const createPatternCache = (): ((message: string) => string) => {
  const patterns = new Map<string, string>();
  return (message) => {
    const cached = patterns.get(message);
    if (cached !== undefined) return cached;
    if (patterns.size >= PATTERN_CACHE_SIZE) patterns.clear();
    const pattern = normalizeErrorMessage(message);
    patterns.set(message, pattern);
    return pattern;
  };
};

const record = <TEntry extends GroupableLogEntry>(
  state: GroupState<TEntry>,
  entry: TEntry,
  time: number,
): void => {
  state.count += 1;
  if (time < state.first) state.first = time;
  if (time >= state.last) {
    state.last = time;
    state.sample = entry;
  }
  state.steps.add(entry.stepId);
  const execution = entry.threadId ?? entry.execId;
  if (execution !== undefined) state.executions.add(execution);
  state.entries?.push(entry);
};

/** Creates an incremental {@link ErrorGrouper}; validates `options` (`CORE_INVALID_INPUT`). */
export const createErrorGrouper = <TEntry extends GroupableLogEntry = GroupableLogEntry>(
  options?: GroupErrorsOptions,
): ErrorGrouper<TEntry> => {
  const resolved = resolveGroupingOptions(options);
  // Keyed by pattern, then flow, then step: lookups on strings whose hash V8 has already computed are
  // cheaper than one on a long key concatenated anew for every entry.
  const states = new Map<string, Map<string, Map<string, GroupState<TEntry>>>>();
  let size = 0;
  const patternOf = createPatternCache();

  const add = (entry: TEntry): void => {
    const time = checkEntry(entry);
    if (entry.level !== undefined && entry.level < resolved.minLevel) return;
    const pattern = patternOf(entry.message);
    const stepId = resolved.scope === "step" ? entry.stepId : undefined;
    const steps = childOf(childOf(states, pattern), entry.flowId);
    let state = steps.get(stepId ?? "");
    if (state === undefined) {
      state = newState(entry, stepId, pattern, time, resolved.keepEntries);
      steps.set(stepId ?? "", state);
      size += 1;
    }
    record(state, entry, time);
  };

  return {
    add,
    addAll: (entries) => {
      for (const entry of entries) add(entry);
    },
    get size() {
      return size;
    },
    groups: () =>
      [...states.values()]
        .flatMap((flows) => [...flows.values()].flatMap((steps) => [...steps.values()]))
        .map((state) => toGroup(state, resolved))
        .sort(byLastSeen),
  };
};

/**
 * Groups log entries by problem: entries whose messages normalize to the same pattern (see
 * `normalizeErrorMessage`) at the same flow and step form one group. Groups come sorted by `lastSeen`,
 * latest first; ties go to the higher count, then the fingerprint. Throws `CORE_INVALID_INPUT` for invalid
 * options or an entry without a message, flow, step or valid timestamp.
 *
 * @example
 * const groups = groupErrors(entries.filter((e) => isErrorLevel(e.level)));
 * for (const g of groups) console.log(g.count, g.stepId, g.pattern, g.lastSeen, g.executionCount);
 */
export const groupErrors = <TEntry extends GroupableLogEntry>(
  entries: Iterable<TEntry>,
  options?: GroupErrorsOptions,
): ErrorGroup<TEntry>[] => {
  const grouper = createErrorGrouper<TEntry>(options);
  grouper.addAll(entries);
  return grouper.groups();
};
