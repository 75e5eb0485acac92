import type { Flow, FlowStatus, FlowType, FlowVersion } from "@flowdoctor/core";
import { decodeGraph, decodeNodesConfig } from "./flow-graph.js";
import { readResource, relatedId, requiredRelatedId } from "./json-api.js";
import { readEnum, readNullableString, readOptionalBoolean, readOptionalString, readString } from "./read.js";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const TYPES: readonly FlowType[] = ["ordinary", "long_running"];
const STATUSES: readonly FlowStatus[] = ["active", "inactive", "suspended"];

/** Decodes a `flow` resource object; `relationships.user` becomes `authorId`, `relationships.workspace` `workspaceId`. */
export const decodeFlow = (value: unknown, at: string): Flow => {
  const resource = readResource(value, "flow", at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  const status = readEnum(a, "status", STATUSES, here);
  const flow: Writable<Flow> = {
    id: resource.id,
    name: readString(a, "name", here),
    description: readNullableString(a, "description", here),
    type: readEnum(a, "type", TYPES, here),
    status,
    // The observed state may take values the API does not document (starting, stopping...); keep them as they are.
    currentStatus: readOptionalString(a, "current_status", here) ?? status,
    workspaceId: requiredRelatedId(resource, "workspace"),
    authorId: requiredRelatedId(resource, "user"),
    cron: readNullableString(a, "cron", here),
    createdAt: readString(a, "created_at", here),
    updatedAt: readString(a, "updated_at", here),
    graph: decodeGraph(a.graph, `${here}.graph`),
    nodesConfig: decodeNodesConfig(a.nodes_config, `${here}.nodes_config`),
  };
  const lastStartTime = readOptionalString(a, "last_start_time", here);
  if (lastStartTime !== undefined) flow.lastStartTime = lastStartTime;
  const dueExecution = readOptionalString(a, "due_execution", here);
  if (dueExecution !== undefined) flow.dueExecution = dueExecution;
  const statsEnabled = readOptionalBoolean(a, "stats_enabled", here);
  if (statsEnabled !== undefined) flow.statsEnabled = statsEnabled;
  const latestVersionId = relatedId(resource, "latest_version");
  if (latestVersionId !== undefined) flow.latestVersionId = latestVersionId;
  return flow;
};

/**
 * Decodes a `flow-version` resource object. `fallbackFlowId` is the flow the request was about, for versions
 * whose `relationships.flow` is missing.
 */
export const decodeFlowVersion = (value: unknown, at: string, fallbackFlowId: string): FlowVersion => {
  const resource = readResource(value, "flow-version", at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  const authorId = relatedId(resource, "user");
  return {
    id: resource.id,
    flowId: relatedId(resource, "flow") ?? fallbackFlowId,
    name: readString(a, "name", here),
    description: readNullableString(a, "description", here),
    createdAt: readString(a, "created_at", here),
    graph: decodeGraph(a.graph, `${here}.graph`),
    ...(authorId === undefined ? {} : { authorId }),
  };
};
