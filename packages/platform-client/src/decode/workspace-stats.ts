import type { FlowType, ObjectId, WorkspaceType } from "@flowdoctor/core";
import { readResource } from "./json-api.js";
import { asArray, asObject, readEnum, readOptionalString, readString } from "./read.js";

/** A component a flow uses, as `GET /v2/stats/workspaces` lists it. */
export interface WorkspaceStatsComponent {
  readonly name: string;
  readonly componentId: ObjectId;
  /** A SHA or `latest`. */
  readonly version: string;
}

/** One flow of a workspace, as `GET /v2/stats/workspaces` lists it. */
export interface WorkspaceStatsFlow {
  readonly id: ObjectId;
  readonly name: string;
  readonly status: string;
  readonly type: FlowType;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly components: readonly WorkspaceStatsComponent[];
}

/** One workspace of `GET /v2/stats/workspaces`: its type and its flows with the components they use. */
export interface WorkspaceStats {
  readonly workspaceId: ObjectId;
  readonly name: string;
  readonly type: WorkspaceType;
  readonly flows: readonly WorkspaceStatsFlow[];
}

const FLOW_TYPES: readonly FlowType[] = ["ordinary", "long_running"];
const WORKSPACE_TYPES: readonly WorkspaceType[] = ["full", "limited"];

const decodeStatsComponent = (value: unknown, at: string): WorkspaceStatsComponent => {
  const c = asObject(value, at);
  return {
    name: readString(c, "name", at),
    componentId: readString(c, "component_id", at),
    version: readOptionalString(c, "version", at) ?? "latest",
  };
};

const decodeStatsFlow = (value: unknown, at: string): WorkspaceStatsFlow => {
  const f = asObject(value, at);
  const createdAt = readOptionalString(f, "created_at", at);
  const updatedAt = readOptionalString(f, "updated_at", at);
  return {
    id: readString(f, "id", at),
    name: readString(f, "name", at),
    status: readString(f, "status", at),
    type: readEnum(f, "type", FLOW_TYPES, at),
    ...(createdAt === undefined ? {} : { createdAt }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
    components: asArray(f.components ?? [], `${at}.components`).map((c, i) =>
      decodeStatsComponent(c, `${at}.components[${i}]`),
    ),
  };
};

/** Decodes a `workspace-stats` resource object. */
export const decodeWorkspaceStats = (value: unknown, at: string): WorkspaceStats => {
  const resource = readResource(value, "workspace-stats", at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  return {
    workspaceId: resource.id,
    name: readString(a, "name", here),
    type: readEnum(a, "type", WORKSPACE_TYPES, here),
    flows: asArray(a.flows ?? [], `${here}.flows`).map((flow, i) =>
      decodeStatsFlow(flow, `${here}.flows[${i}]`),
    ),
  };
};
