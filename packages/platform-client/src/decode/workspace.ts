import type { Workspace, WorkspaceType } from "@flowdoctor/core";
import { readResource, requiredRelatedId } from "./json-api.js";
import { optional, readOptionalBoolean, readOptionalEnum, readString } from "./read.js";

const TYPES: readonly WorkspaceType[] = ["full", "limited"];

/**
 * Decodes a `workspace` resource object. The documented GET examples leave `attributes.type` out (§1.7), so a
 * workspace without it is reported as `full`, the ordinary kind; the emulator and create/update responses send it.
 */
export const decodeWorkspace = (value: unknown, at: string): Workspace => {
  const resource = readResource(value, "workspace", at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  return {
    id: resource.id,
    name: readString(a, "name", here),
    type: readOptionalEnum(a, "type", TYPES, here) ?? "full",
    contractId: requiredRelatedId(resource, "contract"),
    ...optional("flowStatsEnabledDefault", readOptionalBoolean(a, "flow_stats_enabled_default", here)),
  };
};
