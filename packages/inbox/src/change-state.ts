import { redactSecrets } from "@flowdoctor/core";
import type { TicketDb } from "@flowdoctor/tickets";
import { and, eq } from "drizzle-orm";
import {
  type EventRow,
  type GroupRow,
  inboxEvents,
  inboxFingerprints,
  inboxGroups,
} from "./db/inbox-schema.js";
import { currentFingerprinter, FINGERPRINTERS, type Fingerprinter } from "./fingerprints.js";
import { SETTABLE_STATES, type SettableState, type Snooze } from "./group-state.js";
import { badInput, InboxError } from "./inbox-error.js";

const MAX_NOTE_CHARS = 2000;
const MAX_SNOOZE_OCCURRENCES = 1_000_000;
const MAX_RATE_HOURS = 24 * 30;

/** A group the live logs show but the inbox has not stored yet (no watcher watches its workspace). */
export interface SeenGroup {
  readonly flowId: string;
  readonly stepId?: string;
  readonly pattern: string;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly count: number;
}

/** A person's change of a group's state. */
export interface StateChange {
  readonly workspaceId: string;
  /** The group's fingerprint, as `errorGroups` shows it (the current grouping version's). */
  readonly fingerprint: string;
  readonly state: SettableState;
  /** The platform user who changes it. */
  readonly by: string;
  readonly note?: string;
  /** Required with SNOOZED, refused otherwise. */
  readonly snooze?: Snooze;
  readonly now: Date;
  /** Stores the group first when the inbox has not. */
  readonly seen?: SeenGroup;
}

const isCount = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;

const checkSnooze = (change: StateChange): void => {
  const { snooze } = change;
  if (change.state !== "SNOOZED") {
    if (snooze !== undefined) throw badInput("snooze", "only goes with state SNOOZED");
    return;
  }
  if (
    snooze === undefined ||
    (snooze.until === undefined && snooze.occurrences === undefined && snooze.rate === undefined)
  )
    throw badInput("snooze", "SNOOZED needs at least one of until, occurrences or rate");
  if (snooze.until !== undefined && !(snooze.until.getTime() > change.now.getTime()))
    throw badInput("snooze.until", "must be in the future");
  if (snooze.occurrences !== undefined && !isCount(snooze.occurrences, MAX_SNOOZE_OCCURRENCES))
    throw badInput("snooze.occurrences", `must be an integer from 1 to ${MAX_SNOOZE_OCCURRENCES}`);
  if (snooze.rate !== undefined && !isCount(snooze.rate.count, MAX_SNOOZE_OCCURRENCES))
    throw badInput("snooze.rate.count", `must be an integer from 1 to ${MAX_SNOOZE_OCCURRENCES}`);
  if (snooze.rate !== undefined && !isCount(snooze.rate.hours, MAX_RATE_HOURS))
    throw badInput("snooze.rate.hours", `must be an integer from 1 to ${MAX_RATE_HOURS}`);
};

/** Throws `BAD_USER_INPUT` naming the field for a change the rules refuse. */
export const checkStateChange = (change: StateChange): void => {
  if (!(SETTABLE_STATES as readonly string[]).includes(change.state))
    throw badInput("state", `must be one of ${SETTABLE_STATES.join(", ")}`);
  if (change.note !== undefined && change.note.length > MAX_NOTE_CHARS)
    throw badInput("note", `must be at most ${MAX_NOTE_CHARS} characters`);
  checkSnooze(change);
};

type Tx = Parameters<Parameters<TicketDb["transaction"]>[0]>[0];

/** The stored group a current-version fingerprint names (an alias may point at a group stored under older rules). */
export const storedFingerprint = async (
  db: Pick<TicketDb, "select">,
  workspaceId: string,
  fingerprint: string,
  fingerprinters: readonly Fingerprinter[] = FINGERPRINTERS,
): Promise<string | undefined> => {
  const [alias] = await db
    .select({ group: inboxFingerprints.groupFingerprint })
    .from(inboxFingerprints)
    .where(
      and(
        eq(inboxFingerprints.workspaceId, workspaceId),
        eq(inboxFingerprints.version, currentFingerprinter(fingerprinters).version),
        eq(inboxFingerprints.fingerprint, fingerprint),
      ),
    );
  return alias?.group;
};

const storeSeen = async (tx: Tx, change: StateChange, seen: SeenGroup, version: number) => {
  await tx
    .insert(inboxGroups)
    .values({
      workspaceId: change.workspaceId,
      fingerprint: change.fingerprint,
      fingerprintVersion: version,
      flowId: seen.flowId,
      stepId: seen.stepId ?? null,
      pattern: seen.pattern,
      state: "NEW",
      firstSeen: seen.firstSeen,
      lastSeen: seen.lastSeen,
      totalCount: seen.count,
      changedAt: seen.firstSeen,
    })
    .onConflictDoNothing();
  await tx
    .insert(inboxFingerprints)
    .values({
      workspaceId: change.workspaceId,
      version,
      fingerprint: change.fingerprint,
      groupFingerprint: change.fingerprint,
    })
    .onConflictDoNothing();
};

const lockGroup = async (tx: Tx, workspaceId: string, fingerprint: string): Promise<GroupRow | undefined> => {
  const [row] = await tx
    .select()
    .from(inboxGroups)
    .where(and(eq(inboxGroups.workspaceId, workspaceId), eq(inboxGroups.fingerprint, fingerprint)))
    .for("update");
  return row;
};

/**
 * Sets a group's state as a person asks (who, when and a note, redacted), records a STATE_CHANGED event, and answers
 * the group and the event. Resolving remembers the flow version in force, so a regression can say whether a new
 * version came since. Throws `BAD_USER_INPUT` naming the field, or `NOT_FOUND` when the inbox has no such group and
 * `seen` does not describe it.
 */
export const changeGroupState = async (
  db: TicketDb,
  change: StateChange,
  fingerprinters: readonly Fingerprinter[] = FINGERPRINTERS,
): Promise<{ group: GroupRow; event: EventRow }> => {
  checkStateChange(change);
  return db.transaction(async (tx) => {
    let fingerprint = await storedFingerprint(tx, change.workspaceId, change.fingerprint, fingerprinters);
    if (fingerprint === undefined && change.seen !== undefined) {
      await storeSeen(tx, change, change.seen, currentFingerprinter(fingerprinters).version);
      fingerprint = change.fingerprint;
    }
    const row = fingerprint === undefined ? undefined : await lockGroup(tx, change.workspaceId, fingerprint);
    if (row === undefined)
      throw new InboxError(
        "NOT_FOUND",
        `No error group with fingerprint ${change.fingerprint} in this workspace.`,
        {
          field: "fingerprint",
        },
      );
    const note = change.note === undefined ? null : redactSecrets(change.note);
    const { snooze } = change;
    const [group] = await tx
      .update(inboxGroups)
      .set({
        state: change.state,
        changedBy: change.by,
        changedAt: change.now,
        note,
        snoozeUntil: snooze?.until ?? null,
        snoozeOccurrences: snooze?.occurrences ?? null,
        snoozeSeen: 0,
        snoozeRateCount: snooze?.rate?.count ?? null,
        snoozeRateHours: snooze?.rate?.hours ?? null,
        ...(change.state === "RESOLVED" ? { resolvedFlowVersion: row.lastFlowVersion } : {}),
      })
      .where(and(eq(inboxGroups.workspaceId, row.workspaceId), eq(inboxGroups.fingerprint, row.fingerprint)))
      .returning();
    const [event] = await tx
      .insert(inboxEvents)
      .values({
        workspaceId: row.workspaceId,
        fingerprint: row.fingerprint,
        kind: "STATE_CHANGED",
        state: change.state,
        at: change.now,
        flowVersion: row.lastFlowVersion,
        detail: { from: row.state, by: change.by, ...(note === null ? {} : { note }) },
      })
      .returning();
    return { group: group as GroupRow, event: event as EventRow };
  });
};
