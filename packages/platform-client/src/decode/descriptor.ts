import type { ComponentLanguage } from "@flowdoctor/core";
import { fail } from "./decode-issue.js";
import { readResource } from "./json-api.js";
import {
  isObject,
  type JsonObject,
  readOptionalBoolean,
  readOptionalEnum,
  readOptionalObject,
  readOptionalString,
} from "./read.js";

/** An action or trigger of a component, by its function name. */
export interface ComponentFunction {
  readonly title?: string;
}

/** A field of the component's credential form (`credentials.fields`). */
export interface CredentialField {
  readonly label?: string;
  readonly required?: boolean;
  readonly viewClass?: string;
  readonly note?: string;
}

/** A component version's `component.json` as the platform serves it (`.../versions/{rev}/descriptor`); icon left out. */
export interface ComponentDescriptor {
  readonly id: string;
  readonly repoName?: string;
  readonly teamName?: string;
  readonly shortRevision?: string;
  readonly isLatest?: boolean;
  readonly title?: string;
  readonly description?: string;
  readonly language?: ComponentLanguage;
  /** The runtime library (sailor) version, which decides platform behaviour. */
  readonly sailorVersion?: string;
  readonly actions: Readonly<Record<string, ComponentFunction>>;
  readonly triggers: Readonly<Record<string, ComponentFunction>>;
  readonly credentialFields: Readonly<Record<string, CredentialField>>;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };
const LANGUAGES: readonly ComponentLanguage[] = ["nodejs", "java"];

const decodeFunctions = (value: JsonObject | undefined, at: string): Record<string, ComponentFunction> => {
  const result: Record<string, ComponentFunction> = {};
  for (const [name, fn] of Object.entries(value ?? {})) {
    if (!isObject(fn)) fail(`${at}.${name}`, "an object", fn);
    const title = readOptionalString(fn as JsonObject, "title", `${at}.${name}`);
    result[name] = title === undefined ? {} : { title };
  }
  return result;
};

const decodeCredentialFields = (
  value: JsonObject | undefined,
  at: string,
): Record<string, CredentialField> => {
  const fields = value === undefined ? undefined : readOptionalObject(value, "fields", at);
  const result: Record<string, CredentialField> = {};
  for (const [key, field] of Object.entries(fields ?? {})) {
    if (!isObject(field)) fail(`${at}.fields.${key}`, "an object", field);
    const here = `${at}.fields.${key}`;
    const entry: Writable<CredentialField> = {};
    const label = readOptionalString(field as JsonObject, "label", here);
    if (label !== undefined) entry.label = label;
    const required = readOptionalBoolean(field as JsonObject, "required", here);
    if (required !== undefined) entry.required = required;
    const viewClass = readOptionalString(field as JsonObject, "viewClass", here);
    if (viewClass !== undefined) entry.viewClass = viewClass;
    const note = readOptionalString(field as JsonObject, "note", here);
    if (note !== undefined) entry.note = note;
    result[key] = entry;
  }
  return result;
};

const OPTIONAL_TEXT = [
  ["repo_name", "repoName"],
  ["team_name", "teamName"],
  ["short_revision", "shortRevision"],
  ["title", "title"],
  ["description", "description"],
  ["sailor_version", "sailorVersion"],
] as const;

/** Decodes a `descriptor` resource object. */
export const decodeDescriptor = (value: unknown, at: string): ComponentDescriptor => {
  const resource = readResource(value, "descriptor", at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  const descriptor: Writable<ComponentDescriptor> = {
    id: resource.id,
    actions: decodeFunctions(readOptionalObject(a, "actions", here), `${here}.actions`),
    triggers: decodeFunctions(readOptionalObject(a, "triggers", here), `${here}.triggers`),
    credentialFields: decodeCredentialFields(
      readOptionalObject(a, "credentials", here),
      `${here}.credentials`,
    ),
  };
  for (const [from, to] of OPTIONAL_TEXT) {
    const text = readOptionalString(a, from, here);
    if (text !== undefined) descriptor[to] = text;
  }
  const isLatest = readOptionalBoolean(a, "is_latest", here);
  if (isLatest !== undefined) descriptor.isLatest = isLatest;
  const language = readOptionalEnum(a, "language", LANGUAGES, here);
  if (language !== undefined) descriptor.language = language;
  return descriptor;
};
