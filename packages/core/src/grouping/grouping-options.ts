import { CoreError } from "../errors.js";
import type { GroupErrorsOptions, GroupingScope } from "./error-group.js";

/** Options with their defaults filled in. */
export interface ResolvedGroupingOptions {
  readonly scope: GroupingScope;
  readonly minLevel: number;
  readonly maxExecutionIds: number;
  readonly keepEntries: boolean;
}

const invalid = (message: string): CoreError => new CoreError("CORE_INVALID_INPUT", message);

/** Checks grouping options once, at the edge, and fills in defaults. */
export const resolveGroupingOptions = (options: GroupErrorsOptions = {}): ResolvedGroupingOptions => {
  const { scope = "step", minLevel = 0, maxExecutionIds = 100, keepEntries = false } = options;
  if (scope !== "step" && scope !== "flow") throw invalid('options.scope must be "step" or "flow"');
  if (!Number.isFinite(minLevel)) throw invalid("options.minLevel must be a finite number");
  if (!Number.isSafeInteger(maxExecutionIds) || maxExecutionIds < 0) {
    throw invalid("options.maxExecutionIds must be a non-negative integer");
  }
  if (typeof keepEntries !== "boolean") throw invalid("options.keepEntries must be a boolean");
  return { scope, minLevel, maxExecutionIds, keepEntries };
};
