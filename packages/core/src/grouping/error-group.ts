/** What grouping needs of a log entry; every `LogEntry` qualifies. */
export interface GroupableLogEntry {
  readonly message: string;
  readonly flowId: string;
  readonly stepId: string;
  /** ISO-8601 date-time. */
  readonly timestamp: string;
  /** The execution (UUID); counted as the affected execution when present. */
  readonly threadId?: string;
  /** The step container run (32-hex); the affected execution when there is no thread id. */
  readonly execId?: string;
  readonly level?: number;
}

/** Whether problems are told apart per step or only per flow. */
export type GroupingScope = "step" | "flow";

/** One problem seen in one or many executions. */
export interface ErrorGroup<TEntry extends GroupableLogEntry = GroupableLogEntry> {
  /** 16 hex digits; the same as `fingerprintError` gives for any of the group's entries. */
  readonly fingerprint: string;
  readonly flowId: string;
  /** The step, when grouping per step (the default); absent when grouping per flow. */
  readonly stepId?: string;
  /** The normalized message that all entries of the group share (`normalizeErrorMessage`). */
  readonly pattern: string;
  readonly count: number;
  /** ISO-8601 (UTC) time of the earliest entry. */
  readonly firstSeen: string;
  /** ISO-8601 (UTC) time of the latest entry. */
  readonly lastSeen: string;
  /** The distinct steps the problem occurred at, sorted. */
  readonly steps: readonly string[];
  /** How many distinct executions (thread ids, else exec ids) the problem affected. */
  readonly executionCount: number;
  /** The affected executions in the order first seen, at most `maxExecutionIds` of them. */
  readonly executionIds: readonly string[];
  /** The latest entry (for equal times, the one added last). */
  readonly sample: TEntry;
  /** Every entry of the group in the order added; only with the `keepEntries` option. */
  readonly entries?: readonly TEntry[];
}

/** Options of `groupErrors` and `createErrorGrouper`. */
export interface GroupErrorsOptions {
  /**
   * `"step"` keeps flow and step in the key; `"flow"` merges one problem across the steps of a flow.
   * @default "step"
   */
  readonly scope?: GroupingScope;
  /**
   * Entries with a `level` below this are skipped (use 50 for error and fatal only); entries without a
   * level are always kept.
   * @default 0
   */
  readonly minLevel?: number;
  /**
   * How many execution ids each group lists; `executionCount` always counts all of them.
   * @default 100
   */
  readonly maxExecutionIds?: number;
  /**
   * Keep each group's entries (`ErrorGroup.entries`), so a caller can list a group's occurrences without
   * fingerprinting every entry again.
   * @default false
   */
  readonly keepEntries?: boolean;
}
