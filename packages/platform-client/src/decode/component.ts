import type { Component, ComponentAccess, ComponentLanguage, ComponentVersion } from "@flowdoctor/core";
import { fail } from "./decode-issue.js";
import { type ResourceObject, readResource, relatedId } from "./json-api.js";
import {
  asObject,
  type JsonObject,
  optional,
  readEnum,
  readNumber,
  readOptionalEnum,
  readOptionalString,
  readString,
} from "./read.js";

const ACCESS: readonly ComponentAccess[] = ["team", "tenant", "global"];
const LANGUAGES: readonly ComponentLanguage[] = ["nodejs", "java"];

/** Included resources by `type:id`, to resolve relationships. */
export type IncludedIndex = ReadonlyMap<string, unknown>;

/** Indexes a body's `included` array by `type:id`. */
export const indexIncluded = (included: readonly unknown[]): IncludedIndex => {
  const index = new Map<string, unknown>();
  for (const item of included) {
    const object = item as { type?: unknown; id?: unknown } | null;
    if (typeof object?.type === "string" && typeof object.id === "string")
      index.set(`${object.type}:${object.id}`, item);
  }
  return index;
};

// The API sends `date` as epoch milliseconds (§1.10); the model carries ISO strings.
const readDate = (object: JsonObject, at: string): string => {
  const value = object.date;
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value).toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
  return fail(`${at}.date`, "epoch milliseconds or an ISO date", value);
};

const descriptorFacts = (descriptor: unknown, at: string) => {
  if (descriptor === undefined) return {};
  const attributes = asObject(readResource(descriptor, "descriptor", at).attributes, `${at}.attributes`);
  return {
    ...optional("language", readOptionalEnum(attributes, "language", LANGUAGES, `${at}.attributes`)),
    ...optional("sailorVersion", readOptionalString(attributes, "sailor_version", `${at}.attributes`)),
  };
};

/** Decodes a component `version` resource, taking language and sailor version from its included descriptor. */
export const decodeComponentVersion = (
  value: unknown,
  at: string,
  included: IncludedIndex,
  fallbackComponentId: string,
): ComponentVersion => {
  const resource = readResource(value, "version", at);
  const here = `${resource.at}.attributes`;
  const descriptorId = relatedId(resource, "descriptor");
  const descriptor = descriptorId === undefined ? undefined : included.get(`descriptor:${descriptorId}`);
  return {
    id: resource.id,
    componentId: relatedId(resource, "component") ?? fallbackComponentId,
    versionNumber: readNumber(resource.attributes, "version_number", here),
    date: readDate(resource.attributes, here),
    ...descriptorFacts(descriptor, `included[descriptor:${descriptorId}]`),
  };
};

const latestVersion = (resource: ResourceObject, included: IncludedIndex): ComponentVersion | undefined => {
  const id = relatedId(resource, "latest_version");
  const version = id === undefined ? undefined : included.get(`version:${id}`);
  return version === undefined
    ? undefined
    : decodeComponentVersion(version, `included[version:${id}]`, included, resource.id);
};

/** Decodes a `component` resource object; its latest version comes from `included` when the body has it. */
export const decodeComponent = (value: unknown, at: string, included: IncludedIndex): Component => {
  const resource = readResource(value, "component", at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  return {
    id: resource.id,
    name: readString(a, "name", here),
    teamName: readString(a, "team_name", here),
    access: readEnum(a, "access", ACCESS, here),
    ...optional("latestVersion", latestVersion(resource, included)),
  };
};
