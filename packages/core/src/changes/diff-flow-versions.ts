import { readMapperExpression } from "../diagnosis/mapper-paths.js";
import { parseComponentCommand } from "../model/flow-graph.js";
import type { FlowEdge, FlowGraph, FlowNode } from "../model/platform.js";
import { redactSecrets } from "../redaction/redact-secrets.js";
import { REDACTION_MARKER } from "../redaction/redaction-marker.js";
import { isSecretKeyName } from "../redaction/secret-key-name.js";
import { diffValues, type LeafChange } from "./diff-values.js";
import type { FlowChange } from "./flow-change.js";

const MAX_VALUE_CHARS = 160;

const lastKey = (path: string): string =>
  path
    .replace(/\[\d+\]$/, "")
    .split(".")
    .pop() ?? path;

// Configuration values can hold API keys; a value under a secret-looking key is never shown, others are redacted.
const valueText = (value: unknown, path: string): string => {
  if (isSecretKeyName(lastKey(path))) return REDACTION_MARKER;
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  const redacted = redactSecrets(text);
  return redacted.length <= MAX_VALUE_CHARS ? redacted : `${redacted.slice(0, MAX_VALUE_CHARS - 1)}…`;
};

const withValues = (leaf: LeafChange): Pick<FlowChange, "before" | "after"> => ({
  ...(leaf.added ? {} : { before: valueText(leaf.before, leaf.path) }),
  ...(leaf.removed ? {} : { after: valueText(leaf.after, leaf.path) }),
});

const verbOf = (leaf: LeafChange): string => (leaf.added ? "added" : leaf.removed ? "removed" : "changed");

const isRegularEdge = (edge: FlowEdge): boolean => edge.source !== null && edge.config?.isErrorRoute !== true;

const readsOf = (expression: unknown): Set<string> => {
  if (typeof expression !== "string") return new Set();
  const read = readMapperExpression(expression);
  return read.ok ? new Set(read.paths.map((found) => `$.${found.path.join(".")}`)) : new Set();
};

const readsDiff = (leaf: LeafChange): { added: string[]; removed: string[] } => {
  const before = readsOf(leaf.before);
  const after = readsOf(leaf.after);
  return {
    added: [...after].filter((path) => !before.has(path)),
    removed: [...before].filter((path) => !after.has(path)),
  };
};

const mapperSummary = (stepId: string, leaf: LeafChange, reads: { added: string[]; removed: string[] }) => {
  const target = leaf.path === "mapper" ? "the mapper" : `\`${leaf.path.slice("mapper.".length)}\``;
  const parts = [
    ...(reads.added.length > 0 ? [`added ${reads.added.map((path) => `\`${path}\``).join(", ")}`] : []),
    ...(reads.removed.length > 0 ? [`removed ${reads.removed.map((path) => `\`${path}\``).join(", ")}`] : []),
  ];
  const detail = parts.length > 0 ? ` (${parts.join("; ")})` : "";
  return `${verbOf(leaf)} ${target} in the mapper of ${stepId}${detail}`;
};

const mapperChanges = (stepId: string, before: FlowEdge | undefined, after: FlowEdge | undefined) =>
  diffValues(before?.config?.mapper ?? {}, after?.config?.mapper ?? {}, "mapper").map((leaf): FlowChange => {
    const reads = readsDiff(leaf);
    return {
      kind: "MAPPER_CHANGED",
      stepId,
      path: leaf.path,
      ...withValues(leaf),
      ...(reads.added.length > 0 ? { addedReads: reads.added } : {}),
      ...(reads.removed.length > 0 ? { removedReads: reads.removed } : {}),
      summary: mapperSummary(stepId, leaf, reads),
    };
  });

const conditionChange = (
  stepId: string,
  before: FlowEdge | undefined,
  after: FlowEdge | undefined,
): FlowChange[] => {
  const old = before?.config?.condition ?? null;
  const next = after?.config?.condition ?? null;
  if (old === next) return [];
  return [
    {
      kind: "CONDITION_CHANGED",
      stepId,
      path: "condition",
      ...(old === null ? {} : { before: valueText(old, "condition") }),
      ...(next === null ? {} : { after: valueText(next, "condition") }),
      summary: `${next === null ? "removed" : old === null ? "added" : "changed"} the routing condition into ${stepId}`,
    },
  ];
};

const edgeKey = (edge: FlowEdge): string => `${edge.source ?? ""}>${edge.target}`;

/** Mapper, condition and route changes of the edges into one step. */
const edgeChanges = (stepId: string, before: FlowGraph, after: FlowGraph): FlowChange[] => {
  const into = (graph: FlowGraph) =>
    new Map(
      graph.edges.filter((edge) => isRegularEdge(edge) && edge.target === stepId).map((e) => [edgeKey(e), e]),
    );
  const old = into(before);
  const next = into(after);
  const changes: FlowChange[] = [];
  for (const [key, edge] of next) {
    const previous = old.get(key);
    if (!previous && old.size > 0)
      changes.push({
        kind: "ROUTE_CHANGED",
        stepId,
        after: edge.source ?? "",
        summary: `${stepId} now receives messages from ${edge.source}`,
      });
    changes.push(...mapperChanges(stepId, previous, edge), ...conditionChange(stepId, previous, edge));
  }
  for (const [key, edge] of old) {
    if (!next.has(key) && next.size > 0)
      changes.push({
        kind: "ROUTE_CHANGED",
        stepId,
        before: edge.source ?? "",
        summary: `${stepId} no longer receives messages from ${edge.source}`,
      });
  }
  return changes;
};

const commandChange = (before: FlowNode, after: FlowNode): FlowChange[] => {
  const old = parseComponentCommand(before.command);
  const next = parseComponentCommand(after.command);
  const base = { stepId: after.id, path: "command", before: before.command, after: after.command };
  if (before.componentId !== after.componentId || old?.repo !== next?.repo || old?.team !== next?.team)
    return [
      {
        ...base,
        kind: "COMPONENT_CHANGED",
        summary: `${after.id} now runs another component (${after.command})`,
      },
    ];
  if (old?.function !== next?.function)
    return [
      {
        ...base,
        kind: "FUNCTION_CHANGED",
        summary: `${after.id} now runs ${next?.function} instead of ${old?.function}`,
      },
    ];
  if ((old?.version ?? "latest") !== (next?.version ?? "latest"))
    return [
      {
        ...base,
        kind: "COMPONENT_VERSION_CHANGED",
        summary: `${after.id} moved from component version ${old?.version ?? "latest"} to ${next?.version ?? "latest"}`,
      },
    ];
  return [];
};

const CREDENTIAL_KEYS = ["credentialsId", "secretId", "vpnAgentId"] as const;

const credentialChanges = (before: FlowNode, after: FlowNode): FlowChange[] =>
  CREDENTIAL_KEYS.filter((key) => before[key] !== after[key]).map((key) => ({
    kind: "CREDENTIAL_CHANGED",
    stepId: after.id,
    path: key,
    ...(before[key] === undefined ? {} : { before: before[key] }),
    ...(after[key] === undefined ? {} : { after: after[key] }),
    summary:
      after[key] === undefined
        ? `${after.id} no longer uses ${key} ${before[key]}`
        : `${after.id} switched ${key} from ${before[key] ?? "none"} to ${after[key]}`,
  }));

const configurationChanges = (before: FlowNode, after: FlowNode): FlowChange[] =>
  diffValues(before.fields ?? {}, after.fields ?? {}, "fields").map((leaf) => ({
    kind: "CONFIGURATION_CHANGED",
    stepId: after.id,
    path: leaf.path,
    ...withValues(leaf),
    summary: `${verbOf(leaf)} \`${leaf.path.slice("fields.".length)}\` in the configuration of ${after.id}`,
  }));

const stepChanges = (before: FlowNode, after: FlowNode): FlowChange[] => [
  ...commandChange(before, after),
  ...credentialChanges(before, after),
  ...configurationChanges(before, after),
];

/**
 * What changed from one version of a flow's graph to the next, step by step in the new graph's order (removed steps
 * last): steps added or removed, component, function and component version, credentials, the mapper and condition
 * of the edge into each step (nested JSONata mappers leaf by leaf, with the message paths each edit starts or stops
 * reading), and configuration fields. Values are redacted and cut short; secret-named fields are never shown.
 */
export const diffFlowVersions = (before: FlowGraph, after: FlowGraph): FlowChange[] => {
  const old = new Map(before.nodes.map((node) => [node.id, node]));
  const next = new Set(after.nodes.map((node) => node.id));
  const changes: FlowChange[] = [];
  for (const node of after.nodes) {
    const previous = old.get(node.id);
    if (!previous) {
      changes.push({
        kind: "STEP_ADDED",
        stepId: node.id,
        after: node.command,
        summary: `added ${node.id} (${node.name})`,
      });
      continue;
    }
    changes.push(...stepChanges(previous, node), ...edgeChanges(node.id, before, after));
  }
  for (const node of before.nodes) {
    if (!next.has(node.id))
      changes.push({
        kind: "STEP_REMOVED",
        stepId: node.id,
        before: node.command,
        summary: `removed ${node.id} (${node.name})`,
      });
  }
  return changes;
};
