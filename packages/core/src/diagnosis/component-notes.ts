import { parseComponentCommand } from "../model/flow-graph.js";
import type { Component, Flow, FlowNode } from "../model/platform.js";
import type { ComponentNotes } from "./check-errors.js";
import type { ClassifiedGroup } from "./classified-groups.js";

const describe = (node: FlowNode, component: Component | undefined): string => {
  const command = parseComponentCommand(node.command);
  const name = component?.name ?? (command ? `${command.team}/${command.repo}` : node.command);
  const latest = component?.latestVersion;
  const parts = [
    `runs ${command?.version ?? "latest"}`,
    ...(latest ? [`latest version ${latest.versionNumber}`] : []),
    ...(latest?.sailorVersion ? [`${latest.language ?? "runtime"} sailor ${latest.sailorVersion}`] : []),
  ];
  return `component "${name}" (${parts.join(", ")})`;
};

/**
 * The component and version behind each step with a component-runtime error, for the component check. A component
 * that cannot be read is described from the step's command alone.
 */
export const componentNotes = async (
  flow: Flow,
  groups: readonly ClassifiedGroup[],
  loadComponent: ((componentId: string) => Promise<Component>) | undefined,
): Promise<ComponentNotes> => {
  const stepIds = new Set(
    groups.filter((item) => item.classification.cause === "COMPONENT_ERROR").map((item) => item.group.stepId),
  );
  const nodes = flow.graph.nodes.filter((node) => stepIds.has(node.id));
  const described = await Promise.all(
    nodes.map(async (node) => {
      const component = loadComponent
        ? await loadComponent(node.componentId).catch(() => undefined)
        : undefined;
      return [node.id, describe(node, component)] as const;
    }),
  );
  return new Map(described);
};
