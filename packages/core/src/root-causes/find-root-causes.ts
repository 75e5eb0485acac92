import { type ChangeBehind, findChangeBehind } from "../changes/change-behind.js";
import type { ClassifiedGroup } from "../diagnosis/classified-groups.js";
import type { Component, Flow, FlowNode, FlowVersion } from "../model/platform.js";
import type { Cause } from "../taxonomy/taxonomy.js";
import type { AffectedFlow, AffectedStep, RootCause, RootCauseKind, SharingFlow } from "./root-cause.js";
import { componentVersionOf, hostOf } from "./step-keys.js";

/** What the root-cause finder reads: the workspace's flows, their classified error groups, and what it may know. */
export interface RootCauseInput {
  readonly flows: readonly Flow[];
  /** Error groups of every flow in the window, grouped per step. */
  readonly groups: readonly ClassifiedGroup[];
  /** Components by id (for `latest` versions and names). */
  readonly components?: ReadonlyMap<string, Component>;
  /** Each failing flow's versions, oldest first; lets every affected step say what changed. */
  readonly versions?: ReadonlyMap<string, readonly FlowVersion[]>;
  /** Credential names by id. */
  readonly credentialNames?: ReadonlyMap<string, string>;
}

/** A failing step: one error group seen in at least two executions. */
interface Failure {
  readonly flow: Flow;
  readonly node: FlowNode | undefined;
  readonly step: AffectedStep;
}

/** A candidate root cause: its key and the failures it explains. */
interface Bucket {
  readonly kind: RootCauseKind;
  readonly key: string;
  readonly failures: Failure[];
}

// One execution with an error that later runs got past is noise, not a root cause.
const MIN_FAILED_EXECUTIONS = 2;
const CREDENTIAL_CAUSES: ReadonlySet<Cause> = new Set(["INVALID_CREDENTIALS"]);
const HOST_CAUSES: ReadonlySet<Cause> = new Set(["SYSTEM_DOWNTIME"]);

const failuresOf = (input: RootCauseInput): Failure[] => {
  const flows = new Map(input.flows.map((flow) => [flow.id, flow]));
  const failures: Failure[] = [];
  for (const { group, classification } of input.groups) {
    const flow = flows.get(group.flowId);
    if (!flow || group.executionCount < MIN_FAILED_EXECUTIONS) continue;
    const stepId = group.stepId ?? group.sample.stepId;
    const versions = input.versions?.get(flow.id);
    const change: ChangeBehind | undefined = versions
      ? findChangeBehind(versions, { stepId, firstSeen: group.firstSeen })
      : undefined;
    failures.push({
      flow,
      node: flow.graph.nodes.find((node) => node.id === stepId),
      step: {
        stepId,
        cause: classification.cause,
        message: group.sample.message,
        errorCount: group.count,
        failedExecutions: group.executionCount,
        firstSeen: group.firstSeen,
        lastSeen: group.lastSeen,
        ...(change ? { change } : {}),
      },
    });
  }
  return failures;
};

const bucketOf = (buckets: Map<string, Bucket>, kind: RootCauseKind, key: string): Bucket => {
  const id = `${kind}|${key}`;
  let bucket = buckets.get(id);
  if (!bucket) {
    bucket = { kind, key, failures: [] };
    buckets.set(id, bucket);
  }
  return bucket;
};

const flowCount = (failures: readonly Failure[]): number =>
  new Set(failures.map((failure) => failure.flow.id)).size;

/**
 * Assigns each failure to the most specific thing it shares: an auth failure to its credential, a downtime to its
 * host, a failure shared by two or more flows on the same component version (with one cause) to that version;
 * anything else to its cause.
 */
const assign = (failures: readonly Failure[], input: RootCauseInput): Bucket[] => {
  const buckets = new Map<string, Bucket>();
  const rest: Failure[] = [];
  for (const failure of failures) {
    const { node, step } = failure;
    const host = HOST_CAUSES.has(step.cause) ? hostOf(node, step.message) : undefined;
    if (CREDENTIAL_CAUSES.has(step.cause) && node?.credentialsId)
      bucketOf(buckets, "CREDENTIAL", node.credentialsId).failures.push(failure);
    else if (host) bucketOf(buckets, "EXTERNAL_HOST", host).failures.push(failure);
    else rest.push(failure);
  }
  const byVersion = new Map<string, Failure[]>();
  for (const failure of rest) {
    if (!failure.node) continue;
    const key = `${componentVersionOf(failure.node, input.components).key}|${failure.step.cause}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), failure]);
  }
  const explained = new Set<Failure>();
  for (const [key, shared] of byVersion) {
    if (flowCount(shared) < 2) continue;
    const bucket = bucketOf(buckets, "COMPONENT_VERSION", key.slice(0, key.lastIndexOf("|")));
    bucket.failures.push(...shared);
    for (const failure of shared) explained.add(failure);
  }
  for (const failure of rest)
    if (!explained.has(failure)) bucketOf(buckets, "CAUSE", failure.step.cause).failures.push(failure);
  return [...buckets.values()];
};

const usesKey = (node: FlowNode, bucket: Bucket, input: RootCauseInput): boolean => {
  if (bucket.kind === "CREDENTIAL") return node.credentialsId === bucket.key;
  if (bucket.kind === "EXTERNAL_HOST") return hostOf(node, "") === bucket.key;
  if (bucket.kind === "COMPONENT_VERSION")
    return componentVersionOf(node, input.components).key === bucket.key;
  return false;
};

const sharingFlows = (bucket: Bucket, input: RootCauseInput, failing: ReadonlySet<string>): SharingFlow[] =>
  input.flows
    .filter((flow) => !failing.has(flow.id))
    .map((flow) => ({
      flowId: flow.id,
      flowName: flow.name,
      workspaceId: flow.workspaceId,
      stepIds: flow.graph.nodes.filter((node) => usesKey(node, bucket, input)).map((node) => node.id),
    }))
    .filter((flow) => flow.stepIds.length > 0);

const affectedFlows = (failures: readonly Failure[]): AffectedFlow[] => {
  const byFlow = new Map<string, AffectedFlow & { steps: AffectedStep[] }>();
  for (const { flow, step } of failures) {
    let entry = byFlow.get(flow.id);
    if (!entry) {
      entry = { flowId: flow.id, flowName: flow.name, workspaceId: flow.workspaceId, steps: [] };
      byFlow.set(flow.id, entry);
    }
    entry.steps.push(step);
  }
  return [...byFlow.values()].sort(
    (a, b) => failedOf(b.steps) - failedOf(a.steps) || a.flowName.localeCompare(b.flowName),
  );
};

const failedOf = (steps: readonly AffectedStep[]): number =>
  steps.reduce((sum, step) => sum + step.failedExecutions, 0);

const dominantCause = (failures: readonly Failure[]): Cause => {
  const counts = new Map<Cause, number>();
  for (const { step } of failures)
    counts.set(step.cause, (counts.get(step.cause) ?? 0) + step.failedExecutions);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "UNKNOWN";
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? "" : "s"}`;

const labelOf = (bucket: Bucket, input: RootCauseInput): string => {
  if (bucket.kind === "CREDENTIAL") {
    const name = input.credentialNames?.get(bucket.key);
    return name ? `credential "${name}" (${bucket.key})` : `credential ${bucket.key}`;
  }
  if (bucket.kind === "EXTERNAL_HOST") return `host ${bucket.key}`;
  if (bucket.kind === "COMPONENT_VERSION") {
    const [componentId = "", version = ""] = bucket.key.split("@");
    const component = input.components?.get(componentId);
    return `component ${component?.name ?? componentId} version ${version.slice(0, 7)}`;
  }
  return `cause ${bucket.key}`;
};

const upgradedBefore = (failures: readonly Failure[]): number =>
  new Set(
    failures
      .filter(({ step }) =>
        step.change?.changes.some(
          (change) => change.kind === "COMPONENT_VERSION_CHANGED" && change.stepId === step.stepId,
        ),
      )
      .map((failure) => failure.flow.id),
  ).size;

const evidenceOf = (bucket: Bucket, flows: number, sharing: readonly SharingFlow[]): string[] => {
  const evidence = [
    `${plural(flows, "flow")} fail at steps that share ${bucket.kind === "CAUSE" ? "this cause" : "it"}.`,
  ];
  if (bucket.kind === "COMPONENT_VERSION") {
    const upgraded = upgradedBefore(bucket.failures);
    if (upgraded > 0)
      evidence.push(`${plural(upgraded, "flow")} moved to this component version shortly before failing.`);
  }
  if (sharing.length > 0)
    evidence.push(
      `${plural(sharing.length, "flow")} using it too ${sharing.length === 1 ? "does" : "do"} not fail: ${sharing
        .slice(0, 5)
        .map((flow) => flow.flowName)
        .join(", ")}.`,
    );
  const changed = bucket.failures.filter(
    ({ step }) => step.change?.status === "CHANGED" && step.change.stepChanged,
  );
  for (const { step } of changed.slice(0, 3))
    if (step.change) evidence.push(`${step.stepId}: ${step.change.summary}`);
  return evidence;
};

const confidenceOf = (bucket: Bucket, flows: number, sharing: readonly SharingFlow[]): number => {
  if (bucket.kind === "CAUSE") return flows > 1 ? 0.5 : 0.7;
  const base = flows > 1 ? 0.9 : 0.7;
  const upgraded = bucket.kind === "COMPONENT_VERSION" ? upgradedBefore(bucket.failures) : 0;
  // Healthy flows using the same credential or host weaken the case; a version change before failing strengthens it.
  const weakened = sharing.length > 0 && bucket.kind !== "COMPONENT_VERSION" ? 0.2 : 0;
  return Math.min(0.95, Math.max(0.3, base - weakened + (upgraded > 0 ? 0.05 : 0)));
};

const toRootCause = (bucket: Bucket, input: RootCauseInput, failing: ReadonlySet<string>): RootCause => {
  const flows = affectedFlows(bucket.failures);
  const sharing = bucket.kind === "CAUSE" ? [] : sharingFlows(bucket, input, failing);
  const steps = bucket.failures.length;
  const failedExecutions = failedOf(bucket.failures.map((failure) => failure.step));
  const times = bucket.failures.flatMap(({ step }) => [step.firstSeen, step.lastSeen]).sort();
  const label = labelOf(bucket, input);
  const cause = dominantCause(bucket.failures);
  const fixSummary = `Fixing ${label} would fix ${plural(flows.length, "flow")} (${plural(steps, "failing step")}, ${plural(failedExecutions, "failed execution")} in the window).`;
  return {
    kind: bucket.kind,
    key: bucket.key,
    label,
    cause,
    confidence: confidenceOf(bucket, flows.length, sharing),
    flows,
    healthyAlsoUsing: sharing,
    evidence: evidenceOf(bucket, flows.length, sharing),
    fix: { flows: flows.length, steps, failedExecutions, summary: fixSummary },
    firstSeen: times[0] ?? "",
    lastSeen: times[times.length - 1] ?? "",
    summary: `${cause} at ${plural(flows.length, "flow")} sharing ${label}.`,
  };
};

/**
 * The root causes behind a workspace's failing flows, worst first (flows affected, then failed executions): failing
 * steps grouped by what they share (a credential for auth failures, the external host for downtime, a component
 * version two or more flows fail on with one cause) and otherwise by cause. Each names its evidence, the flows and
 * steps it breaks, the flows that share it and still work, and what fixing it would fix. A problem seen in only one
 * execution is left out as transient.
 */
export const findRootCauses = (input: RootCauseInput): RootCause[] => {
  const failures = failuresOf(input);
  // A flow with any error in the window, even a transient one, is not offered as proof that the shared thing works.
  const failing = new Set(input.groups.map(({ group }) => group.flowId));
  return assign(failures, input)
    .map((bucket) => toRootCause(bucket, input, failing))
    .sort(
      (a, b) =>
        b.fix.flows - a.fix.flows ||
        b.fix.failedExecutions - a.fix.failedExecutions ||
        b.confidence - a.confidence ||
        a.key.localeCompare(b.key),
    );
};
