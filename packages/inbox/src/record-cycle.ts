import type { TicketDb } from "@flowdoctor/tickets";
import { and, eq, gt, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { MAX_DIGEST_MINUTES } from "./alerts/alert-rules.js";
import {
  type EventRow,
  type GroupRow,
  inboxAlerts,
  inboxEvents,
  inboxFingerprints,
  inboxGroups,
  inboxHourlyCounts,
} from "./db/inbox-schema.js";
import { FINGERPRINTERS, type Fingerprinter } from "./fingerprints.js";
import { DEFAULT_RULES, type InboxRules } from "./group-state.js";
import { type Occurrence, type ResolvedGroup, resolveGroups } from "./resolve-groups.js";
import { nextTransition } from "./transitions.js";

const HOUR_MS = 3_600_000;

/** One watcher cycle of one workspace. */
export interface CycleInput {
  readonly workspaceId: string;
  /** The error occurrences logged since the last cycle. */
  readonly occurrences: readonly Occurrence[];
  /** Each flow's version in force (`Flow.latestVersionId`), by flow id. */
  readonly flowVersions: ReadonlyMap<string, string>;
  readonly now: Date;
}

/** Options of {@link recordCycle}. */
export interface RecordCycleOptions {
  readonly rules?: InboxRules;
  readonly fingerprinters?: readonly Fingerprinter[];
}

/** A transaction of the store. */
export type Tx = Parameters<Parameters<TicketDb["transaction"]>[0]>[0];

const hourOf = (date: Date): Date => new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);

const insertCreated = async (tx: Tx, input: CycleInput, groups: readonly ResolvedGroup[]) => {
  const created = groups.filter((group) => group.created !== undefined);
  if (created.length === 0) return;
  await tx
    .insert(inboxGroups)
    .values(
      created.map((group) => {
        const { version, pattern, source } = group.created as NonNullable<ResolvedGroup["created"]>;
        const times = group.occurrences.map((occurrence) => occurrence.timestamp.getTime());
        return {
          workspaceId: input.workspaceId,
          fingerprint: group.fingerprint,
          fingerprintVersion: version,
          flowId: source.flowId,
          stepId: source.stepId,
          pattern,
          state: "NEW" as const,
          firstSeen: new Date(Math.min(...times)),
          lastSeen: new Date(Math.min(...times)),
          changedAt: input.now,
        };
      }),
    )
    .onConflictDoNothing();
};

const insertAliases = async (tx: Tx, workspaceId: string, groups: readonly ResolvedGroup[]) => {
  const rows = groups.flatMap((group) =>
    [...group.aliases.values()].map((alias) => ({
      workspaceId,
      ...alias,
      groupFingerprint: group.fingerprint,
    })),
  );
  if (rows.length > 0) await tx.insert(inboxFingerprints).values(rows).onConflictDoNothing();
};

const addHourlyCounts = async (tx: Tx, workspaceId: string, groups: readonly ResolvedGroup[]) => {
  const counts = new Map<string, { fingerprint: string; hour: Date; count: number }>();
  for (const group of groups)
    for (const occurrence of group.occurrences) {
      const hour = hourOf(occurrence.timestamp);
      const key = `${group.fingerprint}:${hour.getTime()}`;
      const entry = counts.get(key) ?? { fingerprint: group.fingerprint, hour, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  if (counts.size === 0) return;
  await tx
    .insert(inboxHourlyCounts)
    .values([...counts.values()].map((entry) => ({ workspaceId, ...entry })))
    .onConflictDoUpdate({
      target: [inboxHourlyCounts.workspaceId, inboxHourlyCounts.fingerprint, inboxHourlyCounts.hour],
      set: { count: sql`${inboxHourlyCounts.count} + excluded.count` },
    });
};

/** The groups this cycle may move: those seen, and those whose state can change by time alone. */
const lockCandidates = (tx: Tx, workspaceId: string, seen: readonly string[]) =>
  tx
    .select()
    .from(inboxGroups)
    .where(
      and(
        eq(inboxGroups.workspaceId, workspaceId),
        or(
          seen.length === 0 ? undefined : inArray(inboxGroups.fingerprint, [...seen]),
          inArray(inboxGroups.state, ["NEW", "REGRESSED", "ESCALATING", "SNOOZED"]),
        ),
      ),
    )
    .for("update");

const loadHourly = async (tx: Tx, workspaceId: string, fingerprints: readonly string[], since: Date) => {
  const rows =
    fingerprints.length === 0
      ? []
      : await tx
          .select()
          .from(inboxHourlyCounts)
          .where(
            and(
              eq(inboxHourlyCounts.workspaceId, workspaceId),
              inArray(inboxHourlyCounts.fingerprint, [...fingerprints]),
              gt(inboxHourlyCounts.hour, since),
            ),
          );
  const hourly = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const map = hourly.get(row.fingerprint) ?? new Map<number, number>();
    map.set(row.hour.getTime(), row.count);
    hourly.set(row.fingerprint, map);
  }
  return hourly;
};

const hourlyWindowStart = (rows: readonly GroupRow[], now: Date, rules: InboxRules): Date => {
  const rateHours = Math.max(0, ...rows.map((row) => row.snoozeRateHours ?? 0));
  const hours = Math.max(rules.escalation.baselineHours + 2, rateHours + 1);
  return new Date(hourOf(now).getTime() - hours * HOUR_MS - 1);
};

const seenFacts = (row: GroupRow, group: ResolvedGroup | undefined, input: CycleInput) => {
  const occurrences = group?.occurrences ?? [];
  const times = occurrences.map((occurrence) => occurrence.timestamp.getTime());
  const countSinceChange = times.filter((time) => time > row.changedAt.getTime()).length;
  const lastSeen = Math.max(row.lastSeen.getTime(), ...times);
  const firstSeen = Math.min(row.firstSeen.getTime(), ...times);
  const flowVersion = input.flowVersions.get(row.flowId) ?? row.lastFlowVersion;
  return { count: occurrences.length, countSinceChange, lastSeen, firstSeen, flowVersion };
};

/** Applies the rules to one locked group; answers the event to record, if any. */
const moveGroup = async (
  tx: Tx,
  row: GroupRow,
  group: ResolvedGroup | undefined,
  hourly: ReadonlyMap<number, number>,
  input: CycleInput,
  rules: InboxRules,
) => {
  const facts = seenFacts(row, group, input);
  const created = group?.created !== undefined;
  const transition = created
    ? { state: row.state, event: "NEW" as const, snoozeSeen: 0 }
    : nextTransition(
        row,
        { count: facts.count, countSinceChange: facts.countSinceChange, hourly },
        input.now,
        rules,
      );
  const moved = transition.state !== row.state;
  const regressed = transition.event === "REGRESSED";
  await tx
    .update(inboxGroups)
    .set({
      state: transition.state,
      totalCount: sql`${inboxGroups.totalCount} + ${facts.count}`,
      firstSeen: new Date(facts.firstSeen),
      lastSeen: new Date(facts.lastSeen),
      lastFlowVersion: facts.flowVersion,
      snoozeSeen: transition.snoozeSeen,
      ...(moved ? { changedAt: input.now, changedBy: null, note: null } : {}),
      ...(regressed ? { regressedFlowVersion: facts.flowVersion } : {}),
      ...(moved && transition.state !== "SNOOZED"
        ? { snoozeUntil: null, snoozeOccurrences: null, snoozeRateCount: null, snoozeRateHours: null }
        : {}),
    })
    .where(and(eq(inboxGroups.workspaceId, row.workspaceId), eq(inboxGroups.fingerprint, row.fingerprint)));
  if (transition.event === undefined) return undefined;
  const detail = regressed
    ? {
        resolvedFlowVersion: row.resolvedFlowVersion,
        newFlowVersion: facts.flowVersion !== null && facts.flowVersion !== row.resolvedFlowVersion,
      }
    : (transition.detail ?? {});
  return {
    workspaceId: row.workspaceId,
    fingerprint: row.fingerprint,
    kind: transition.event,
    state: transition.state,
    at: input.now,
    flowVersion: facts.flowVersion,
    detail: { ...detail, count: facts.count },
  };
};

/**
 * Forgets what is older than `retentionDays` in a workspace: hourly counts, alerts already sent, and events no held
 * alert still needs. Groups and their states stay; only their history is bounded.
 */
const pruneHistory = async (tx: Tx, workspaceId: string, now: Date, rules: InboxRules) => {
  const cutoff = new Date(now.getTime() - rules.retentionDays * 24 * HOUR_MS);
  await tx
    .delete(inboxHourlyCounts)
    .where(and(eq(inboxHourlyCounts.workspaceId, workspaceId), lt(inboxHourlyCounts.hour, cutoff)));
  // A rule's last message must outlive its longest digest interval, which it is timed from.
  const sentBefore = new Date(Math.min(cutoff.getTime(), now.getTime() - MAX_DIGEST_MINUTES * 60_000));
  await tx
    .delete(inboxAlerts)
    .where(
      and(
        eq(inboxAlerts.workspaceId, workspaceId),
        isNotNull(inboxAlerts.jobId),
        lt(inboxAlerts.sentAt, sentBefore),
      ),
    );
  await tx
    .delete(inboxEvents)
    .where(
      and(
        eq(inboxEvents.workspaceId, workspaceId),
        lt(inboxEvents.at, cutoff),
        sql`NOT EXISTS (SELECT 1 FROM ${inboxAlerts} WHERE ${inboxAlerts.eventId} = ${inboxEvents.id})`,
      ),
    );
};

/** What one recorded cycle stored, and each group's latest occurrence in it (by group fingerprint). */
export interface RecordedCycle {
  readonly events: EventRow[];
  readonly samples: Map<string, Occurrence>;
}

const latestOccurrences = (groups: readonly ResolvedGroup[]): Map<string, Occurrence> =>
  new Map(
    groups.flatMap((group) => {
      const latest = group.occurrences.reduce<Occurrence | undefined>(
        (best, occurrence) =>
          best === undefined || occurrence.timestamp > best.timestamp ? occurrence : best,
        undefined,
      );
      return latest === undefined ? [] : [[group.fingerprint, latest] as const];
    }),
  );

/** {@link recordCycle} inside a transaction the caller holds (the watcher moves its read cursor in the same one). */
export const recordCycleIn = async (
  tx: Tx,
  input: CycleInput,
  options: RecordCycleOptions = {},
): Promise<EventRow[]> => (await recordCycleDetailed(tx, input, options)).events;

/** {@link recordCycleIn}, answering each group's latest occurrence too (alerts classify the group by it). */
export const recordCycleDetailed = async (
  tx: Tx,
  input: CycleInput,
  options: RecordCycleOptions = {},
): Promise<RecordedCycle> => {
  const rules = options.rules ?? DEFAULT_RULES;
  const resolved = await resolveGroups(
    tx,
    input.workspaceId,
    input.occurrences,
    options.fingerprinters ?? FINGERPRINTERS,
  );
  const groups = [...resolved.values()];
  await insertCreated(tx, input, groups);
  await insertAliases(tx, input.workspaceId, groups);
  await addHourlyCounts(tx, input.workspaceId, groups);
  const rows = await lockCandidates(tx, input.workspaceId, [...resolved.keys()]);
  const hourly = await loadHourly(
    tx,
    input.workspaceId,
    rows.map((row) => row.fingerprint),
    hourlyWindowStart(rows, input.now, rules),
  );
  const events = [];
  for (const row of rows) {
    const event = await moveGroup(
      tx,
      row,
      resolved.get(row.fingerprint),
      hourly.get(row.fingerprint) ?? new Map(),
      input,
      rules,
    );
    if (event !== undefined) events.push(event);
  }
  await pruneHistory(tx, input.workspaceId, input.now, rules);
  const stored = events.length === 0 ? [] : await tx.insert(inboxEvents).values(events).returning();
  return { events: stored, samples: latestOccurrences(groups) };
};

/**
 * Records one watcher cycle of a workspace in one transaction: finds or creates each occurrence's group (see
 * `resolveGroups`), adds the hourly counts, moves every group the rules move (`nextTransition`), prunes counts,
 * sent alerts and events past `retentionDays`, and answers the events it stored, in order.
 */
export const recordCycle = (
  db: TicketDb,
  input: CycleInput,
  options: RecordCycleOptions = {},
): Promise<EventRow[]> => db.transaction((tx) => recordCycleIn(tx, input, options));
