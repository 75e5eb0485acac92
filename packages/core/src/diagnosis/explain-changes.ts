import { type ChangeBehind, findChangeBehind } from "../changes/change-behind.js";
import type { FlowVersion } from "../model/platform.js";
import type { DiagnosedErrorGroup, Verdict } from "./diagnosis.js";

const NEEDS_CHANGE = new Set(["FAILING", "DEGRADED", "RECOVERED"]);

// The problem of a verdict began when the earliest group of its step and cause first appeared.
const verdictStart = (
  verdict: Verdict,
  groups: readonly DiagnosedErrorGroup[],
): DiagnosedErrorGroup | undefined =>
  groups
    .filter((group) => group.stepId === verdict.stepId && group.cause === verdict.cause)
    .sort((a, b) => Date.parse(a.firstSeen) - Date.parse(b.firstSeen))[0];

/**
 * Each error group and the verdict with the change behind them. Versions are read once per flow and only when there
 * is a problem; without the port's `flowVersions`, or when reading them fails, the answer simply has no change.
 */
export const explainChanges = async (
  verdict: Verdict,
  groups: readonly DiagnosedErrorGroup[],
  loadVersions: (() => Promise<readonly FlowVersion[]>) | undefined,
): Promise<{ verdict: Verdict; groups: DiagnosedErrorGroup[] }> => {
  if (!loadVersions || groups.length === 0) return { verdict, groups: [...groups] };
  const versions = await loadVersions().catch(() => undefined);
  if (!versions) return { verdict, groups: [...groups] };
  const changeOf = (group: DiagnosedErrorGroup): ChangeBehind =>
    findChangeBehind(versions, {
      ...(group.stepId === undefined ? {} : { stepId: group.stepId }),
      firstSeen: group.firstSeen,
    });
  const explained = groups.map((group) => ({ ...group, change: changeOf(group) }));
  const start = NEEDS_CHANGE.has(verdict.status) ? verdictStart(verdict, explained) : undefined;
  if (!start?.change) return { verdict, groups: explained };
  const change = start.change;
  const summary = change.status === "CHANGED" ? `${verdict.summary} ${change.summary}` : verdict.summary;
  return { verdict: { ...verdict, change, summary }, groups: explained };
};
