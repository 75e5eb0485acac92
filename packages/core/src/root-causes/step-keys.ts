import { parseComponentCommand } from "../model/flow-graph.js";
import type { Component, FlowNode } from "../model/platform.js";

const URL_IN_TEXT = /\bhttps?:\/\/([a-z0-9.-]+)(?::\d+)?/gi;
const HOST_IN_ERROR =
  /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)\s+([a-z0-9.-]+\.[a-z0-9-]+)/i;

const hostsIn = (value: unknown, found: Set<string>): void => {
  if (typeof value === "string") {
    for (const match of value.matchAll(URL_IN_TEXT)) if (match[1]) found.add(match[1].toLowerCase());
    return;
  }
  if (typeof value === "object" && value !== null)
    for (const item of Object.values(value)) hostsIn(item, found);
};

/** The external host a failing step talks to: from its configuration, else from the error text. */
export const hostOf = (node: FlowNode | undefined, message: string): string | undefined => {
  const configured = new Set<string>();
  hostsIn(node?.fields ?? {}, configured);
  if (configured.size === 1) return [...configured][0];
  const fromError = HOST_IN_ERROR.exec(message)?.[1]?.toLowerCase();
  if (fromError) return fromError;
  const inMessage = new Set<string>();
  hostsIn(message, inMessage);
  return [...configured].find((host) => inMessage.has(host)) ?? [...configured][0] ?? [...inMessage][0];
};

/** `componentId@version`, with `latest` resolved to the component's latest version when the listing gave it. */
export const componentVersionOf = (
  node: FlowNode,
  components: ReadonlyMap<string, Component> | undefined,
): { key: string; version: string } => {
  const named = parseComponentCommand(node.command)?.version ?? "latest";
  const latest = components?.get(node.componentId)?.latestVersion?.id;
  const version = named === "latest" && latest ? latest : named;
  return { key: `${node.componentId}@${version}`, version };
};
