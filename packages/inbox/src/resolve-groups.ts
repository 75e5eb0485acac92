import type { TicketDb } from "@flowdoctor/tickets";
import { and, eq, inArray } from "drizzle-orm";
import { inboxFingerprints } from "./db/inbox-schema.js";
import { currentFingerprinter, type Fingerprinter, type FingerprintSource } from "./fingerprints.js";

/** An occurrence the watcher read: a log entry's message at a flow and step, and its time. */
export interface Occurrence extends FingerprintSource {
  readonly timestamp: Date;
  /** The component that logged it, when known (the classifier reads it). */
  readonly componentName?: string;
}

/** The occurrences of one group in a cycle; `created` when no stored group had them. */
export interface ResolvedGroup {
  readonly fingerprint: string;
  readonly occurrences: Occurrence[];
  readonly created?: {
    readonly version: number;
    readonly pattern: string;
    readonly source: FingerprintSource;
  };
  /** Fingerprints under newer versions to record for the group, so later lookups find it at once. */
  readonly aliases: Map<string, { readonly version: number; readonly fingerprint: string }>;
}

const loadAliases = async (db: TicketDb, workspaceId: string, fingerprints: readonly string[]) => {
  const rows =
    fingerprints.length === 0
      ? []
      : await db
          .select()
          .from(inboxFingerprints)
          .where(
            and(
              eq(inboxFingerprints.workspaceId, workspaceId),
              inArray(inboxFingerprints.fingerprint, [...fingerprints]),
            ),
          );
  return new Map(rows.map((row) => [`${row.version}:${row.fingerprint}`, row.groupFingerprint]));
};

/**
 * Finds each occurrence's stored group, trying the grouping versions oldest first, so a group stored under old
 * rules keeps every occurrence those rules gave it even where newer rules would split it. Occurrences no stored
 * group has form new groups named by the current version.
 */
export const resolveGroups = async (
  db: TicketDb,
  workspaceId: string,
  occurrences: readonly Occurrence[],
  fingerprinters: readonly Fingerprinter[],
): Promise<Map<string, ResolvedGroup>> => {
  const keyed = occurrences.map((occurrence) => ({
    occurrence,
    prints: fingerprinters.map((printer) => ({
      version: printer.version,
      fingerprint: printer.fingerprint(occurrence),
    })),
  }));
  const aliases = await loadAliases(db, workspaceId, [
    ...new Set(keyed.flatMap((item) => item.prints.map((print) => print.fingerprint))),
  ]);
  const current = currentFingerprinter(fingerprinters);
  const groups = new Map<string, ResolvedGroup>();
  for (const { occurrence, prints } of keyed) {
    const known = prints.find((print) => aliases.has(`${print.version}:${print.fingerprint}`));
    const newest = prints.at(-1) as { version: number; fingerprint: string };
    const fingerprint =
      known === undefined
        ? newest.fingerprint
        : (aliases.get(`${known.version}:${known.fingerprint}`) as string);
    let group = groups.get(fingerprint);
    if (group === undefined) {
      group = {
        fingerprint,
        occurrences: [],
        ...(known === undefined
          ? {
              created: {
                version: current.version,
                pattern: current.pattern(occurrence.message),
                source: occurrence,
              },
            }
          : {}),
        aliases: new Map(),
      };
      groups.set(fingerprint, group);
    }
    group.occurrences.push(occurrence);
    for (const print of prints)
      if (!aliases.has(`${print.version}:${print.fingerprint}`))
        group.aliases.set(`${print.version}:${print.fingerprint}`, print);
  }
  return groups;
};
