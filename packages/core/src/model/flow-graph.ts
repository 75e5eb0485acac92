import { CoreError } from "../errors.js";
import type { FlowEdge, FlowGraph, FlowNode } from "./platform.js";

const isRegularNode = (node: FlowNode): boolean => node.isErrorHandler !== true;
const isRegularEdge = (edge: FlowEdge): edge is FlowEdge & { source: string } =>
  edge.source !== null && edge.config?.isErrorRoute !== true;

/** The trigger: the first regular node that no regular edge points to (the platform's first node as a fallback). */
export const triggerStep = (graph: FlowGraph): FlowNode | undefined => {
  const targets = new Set(graph.edges.filter(isRegularEdge).map((edge) => edge.target));
  const regular = graph.nodes.filter(isRegularNode);
  return regular.find((node) => !targets.has(node.id)) ?? regular[0];
};

/**
 * The flow's regular steps in execution order: breadth-first from the trigger along the edges,
 * siblings in the order the graph lists them. Steps not reachable from the trigger come last.
 * Error-handler nodes are left out. Throws `CORE_INVALID_GRAPH` when an edge names an unknown step.
 */
export const stepsInExecutionOrder = (graph: FlowGraph): FlowNode[] => {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  for (const edge of graph.edges) {
    for (const end of [edge.source, edge.target]) {
      if (end !== null && !byId.has(end)) {
        throw new CoreError(
          "CORE_INVALID_GRAPH",
          `edge ${edge.source ?? "null"} -> ${edge.target} names unknown step "${end}"`,
        );
      }
    }
  }
  const trigger = triggerStep(graph);
  const ordered: FlowNode[] = [];
  const seen = new Set<string>();
  const queue = trigger ? [trigger] : [];
  while (queue.length > 0) {
    const node = queue.shift() as FlowNode;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    ordered.push(node);
    for (const next of nextSteps(graph, node.id)) if (!seen.has(next.id)) queue.push(next);
  }
  for (const node of graph.nodes) if (isRegularNode(node) && !seen.has(node.id)) ordered.push(node);
  return ordered;
};

/** The steps that feed the given step, in graph order. */
export const previousSteps = (graph: FlowGraph, stepId: string): FlowNode[] =>
  graph.edges
    .filter((edge) => isRegularEdge(edge) && edge.target === stepId)
    .map((edge) => graph.nodes.find((node) => node.id === edge.source))
    .filter((node): node is FlowNode => node !== undefined);

/** The step right before the given step (the first one when several feed it). */
export const previousStep = (graph: FlowGraph, stepId: string): FlowNode | undefined =>
  previousSteps(graph, stepId)[0];

/** The steps the given step feeds, in graph order. */
export const nextSteps = (graph: FlowGraph, stepId: string): FlowNode[] =>
  graph.edges
    .filter((edge) => isRegularEdge(edge) && edge.source === stepId)
    .map((edge) => graph.nodes.find((node) => node.id === edge.target))
    .filter((node): node is FlowNode => node !== undefined);

/** The edge (and so the mapper) that feeds the given step, if any. */
export const edgeInto = (graph: FlowGraph, stepId: string): FlowEdge | undefined =>
  graph.edges.find((edge) => isRegularEdge(edge) && edge.target === stepId);

/** The custom error-handler node, if the flow has one. */
export const errorHandlerStep = (graph: FlowGraph): FlowNode | undefined =>
  graph.nodes.find((node) => node.isErrorHandler === true);

export interface ComponentCommand {
  readonly team: string;
  readonly repo: string;
  readonly function: string;
  /** `latest`, a SHA, or undefined when the command names none. */
  readonly version?: string;
}

const COMMAND = /^([^/\s]+)\/([^:\s]+):([^@\s]+)(?:@(\S+))?$/;

/** Parses a node's `command` (`{team}/{repo}:{function}[@version]`); undefined when it has another shape. */
export const parseComponentCommand = (command: string): ComponentCommand | undefined => {
  const match = COMMAND.exec(command);
  if (!match) return undefined;
  const [, team, repo, fn, version] = match as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  return version === undefined ? { team, repo, function: fn } : { team, repo, function: fn, version };
};

/** Object keys at most this deep count as fields the mapper sets (`{ body: { email: … } }` sets body and email). */
const MAPPER_DEPTH = 3;

const keysOf = (value: unknown, depth: number, into: string[]): string[] => {
  if (depth === 0 || typeof value !== "object" || value === null || Array.isArray(value)) return into;
  for (const [key, inner] of Object.entries(value)) {
    into.push(key);
    keysOf(inner, depth - 1, into);
  }
  return into;
};

/**
 * The names of a step's configuration fields and of the fields the mapper into it sets, for the classifier to tell
 * a configuration mistake from wrong data (`ErrorContext.stepFields`). Undefined for an unknown step.
 */
export const stepFieldsOf = (
  graph: FlowGraph,
  stepId: string,
): { configuration: string[]; mapped: string[] } | undefined => {
  const node = graph.nodes.find((candidate) => candidate.id === stepId);
  if (node === undefined) return undefined;
  return {
    configuration: Object.keys(node.fields ?? {}),
    mapped: keysOf(edgeInto(graph, stepId)?.config?.mapper, MAPPER_DEPTH, []),
  };
};
