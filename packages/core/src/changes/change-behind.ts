import type { FlowVersion, IsoDateTime } from "../model/platform.js";
import { diffFlowVersions } from "./diff-flow-versions.js";
import type { FlowChange, VersionRef } from "./flow-change.js";

/** What changed before a problem began: the version then in force and its edits, or that nothing changed. */
export interface ChangeBehind {
  /** CHANGED: a version was published in the look-back before the problem began; NO_CHANGE: none was. */
  readonly status: "CHANGED" | "NO_CHANGE";
  /** The version in force when the problem began. */
  readonly version?: VersionRef;
  /** The version before it, which its changes are measured against. */
  readonly previousVersion?: VersionRef;
  /** When the problem was first seen. */
  readonly problemSince: IsoDateTime;
  /** Minutes from the version's publication to the problem's first sighting. */
  readonly minutesAfterChange?: number;
  /** Whether the failing step itself (its component, credential, configuration or mapper) changed. */
  readonly stepChanged: boolean;
  /** Every change of that version, the failing step's first. */
  readonly changes: readonly FlowChange[];
  /** One sentence, e.g. "Began 4 minutes after version 7 added `vat` in the mapper of step_3 (added `$.customer.vat`)." */
  readonly summary: string;
}

/** What the change finder looks for: when and where a problem began. */
export interface ProblemStart {
  readonly stepId?: string;
  readonly firstSeen: IsoDateTime;
}

/** Options of {@link findChangeBehind}. */
export interface ChangeBehindOptions {
  /** How long before a problem a version still counts as its change. @default 24 hours */
  readonly lookBackMs?: number;
}

const DAY_MS = 86_400_000;
const MAX_CHANGES_IN_SUMMARY = 3;

const duration = (minutes: number): string => {
  if (minutes < 1) return "less than a minute";
  if (minutes < 120) return `${Math.round(minutes)} minute${Math.round(minutes) === 1 ? "" : "s"}`;
  if (minutes < 2 * 1440) return `${Math.round(minutes / 60)} hours`;
  return `${Math.round(minutes / 1440)} days`;
};

const refOf = (version: FlowVersion, index: number): VersionRef => ({
  id: version.id,
  number: index + 1,
  createdAt: version.createdAt,
});

const listed = (changes: readonly FlowChange[]): string => {
  const shown = changes.slice(0, MAX_CHANGES_IN_SUMMARY).map((change) => change.summary);
  const more = changes.length - shown.length;
  return `${shown.join("; ")}${more > 0 ? `; and ${more} more change${more === 1 ? "" : "s"}` : ""}`;
};

const changedSummary = (
  number: number,
  minutes: number,
  onStep: readonly FlowChange[],
  all: readonly FlowChange[],
  stepId?: string,
) => {
  const began = `Began ${duration(minutes)} after version ${number}`;
  if (onStep.length > 0) return `${began} ${listed(onStep)}.`;
  if (all.length === 0)
    return `${began}, which changed nothing Flowdoctor compares (name or description only).`;
  const where = stepId ? `; ${stepId} itself did not change` : "";
  return `${began}, which ${listed(all)}${where}.`;
};

const noChangeSummary = (lookBackMs: number, inForce: VersionRef | undefined): string => {
  const last = inForce ? ` (the version in force, ${inForce.number}, dates from ${inForce.createdAt})` : "";
  return `No change to the flow in the ${duration(lookBackMs / 60_000)} before it began${last}: something outside the flow changed. Compare current data with the mapper's sample and check the external system for downtime.`;
};

/**
 * The flow version in force when a problem began, diffed against the version before it, and whether the failing
 * step itself changed. `versions` is the flow's history oldest first, as the platform lists it. A version published
 * longer than the look-back before the problem is not its change: then the answer is NO_CHANGE, meaning the outside
 * world changed.
 */
export const findChangeBehind = (
  versions: readonly FlowVersion[],
  problem: ProblemStart,
  options: ChangeBehindOptions = {},
): ChangeBehind => {
  const lookBackMs = options.lookBackMs ?? DAY_MS;
  const began = Date.parse(problem.firstSeen);
  const ordered = [...versions].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const index = ordered.findLastIndex((version) => Date.parse(version.createdAt) <= began);
  const inForce = index >= 0 ? refOf(ordered[index] as FlowVersion, index) : undefined;
  const sinceChange = inForce ? (began - Date.parse(inForce.createdAt)) / 60_000 : Number.POSITIVE_INFINITY;
  if (index < 1 || !inForce || sinceChange * 60_000 > lookBackMs)
    return {
      status: "NO_CHANGE",
      ...(inForce ? { version: inForce } : {}),
      problemSince: problem.firstSeen,
      stepChanged: false,
      changes: [],
      summary: noChangeSummary(lookBackMs, inForce),
    };
  const previous = ordered[index - 1] as FlowVersion;
  const all = diffFlowVersions(previous.graph, (ordered[index] as FlowVersion).graph);
  const onStep = all.filter((change) => change.stepId === problem.stepId);
  return {
    status: "CHANGED",
    version: inForce,
    previousVersion: refOf(previous, index - 1),
    problemSince: problem.firstSeen,
    minutesAfterChange: Math.round(sinceChange),
    stepChanged: onStep.length > 0,
    changes: [...onStep, ...all.filter((change) => change.stepId !== problem.stepId)],
    summary: changedSummary(inForce.number, sinceChange, onStep, all, problem.stepId),
  };
};
