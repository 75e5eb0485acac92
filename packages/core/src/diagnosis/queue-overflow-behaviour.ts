import { parseComponentCommand } from "../model/flow-graph.js";
import type { Component, ComponentLanguage, ComponentVersion, Flow } from "../model/platform.js";

/**
 * What the platform does when the flow's queues fill: with dynamic flow control in every step's runtime library it
 * throttles publishing at the limit and nothing is lost; with an older library in any step it suspends the flow at
 * 80 % of the limit. `unknown` when a step's library cannot be told.
 */
export type QueueOverflowBehaviour = "throttles" | "suspends" | "unknown";

/** The first sailor versions with dynamic flow control (platform doc E-L3-01). */
export const DYNAMIC_FLOW_CONTROL_SINCE: Readonly<Record<ComponentLanguage, string>> = {
  nodejs: "2.6.7",
  java: "3.1.0",
};

const parts = (version: string): number[] | undefined => {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? match.slice(1, 4).map(Number) : undefined;
};

const atLeast = (version: string, minimum: string): boolean | undefined => {
  const [have, need] = [parts(version), parts(minimum)];
  if (!have || !need) return undefined;
  for (let index = 0; index < 3; index += 1) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
};

/** How one component version's runtime library handles a full queue. */
export const runtimeBehaviour = (version: ComponentVersion | undefined): QueueOverflowBehaviour => {
  if (!version?.language || !version.sailorVersion) return "unknown";
  const dynamic = atLeast(version.sailorVersion, DYNAMIC_FLOW_CONTROL_SINCE[version.language]);
  return dynamic === undefined ? "unknown" : dynamic ? "throttles" : "suspends";
};

/**
 * The flow's behaviour from each step's component: a step that runs `latest` has its component's latest version;
 * a step pinned to another version, or whose component cannot be read, is unknown. One older step means `suspends`.
 */
export const flowQueueBehaviour = async (
  flow: Flow,
  loadComponent: ((componentId: string) => Promise<Component>) | undefined,
): Promise<QueueOverflowBehaviour> => {
  const behaviours = await Promise.all(
    flow.graph.nodes.map(async (node) => {
      const version = parseComponentCommand(node.command)?.version ?? "latest";
      if (version !== "latest" || !loadComponent) return "unknown";
      const component = await loadComponent(node.componentId).catch(() => undefined);
      return runtimeBehaviour(component?.latestVersion);
    }),
  );
  if (behaviours.includes("suspends")) return "suspends";
  return behaviours.length > 0 && behaviours.every((behaviour) => behaviour === "throttles")
    ? "throttles"
    : "unknown";
};
