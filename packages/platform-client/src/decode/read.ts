import { fail } from "./decode-issue.js";

/** A JSON object, as decoders see it. */
export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const asObject = (value: unknown, at: string): JsonObject =>
  isObject(value) ? value : fail(at, "an object", value);

export const asArray = (value: unknown, at: string): readonly unknown[] =>
  Array.isArray(value) ? value : fail(at, "an array", value);

export const readString = (object: JsonObject, key: string, at: string): string => {
  const value = object[key];
  return typeof value === "string" ? value : fail(`${at}.${key}`, "a string", value);
};

/** A string, or undefined when the field is missing or null. */
export const readOptionalString = (object: JsonObject, key: string, at: string): string | undefined => {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : fail(`${at}.${key}`, "a string or missing", value);
};

/** A string or null; a missing field counts as null. */
export const readNullableString = (object: JsonObject, key: string, at: string): string | null =>
  readOptionalString(object, key, at) ?? null;

export const readNumber = (object: JsonObject, key: string, at: string): number => {
  const value = object[key];
  return typeof value === "number" && Number.isFinite(value)
    ? value
    : fail(`${at}.${key}`, "a number", value);
};

export const readOptionalNumber = (object: JsonObject, key: string, at: string): number | undefined => {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" && Number.isFinite(value)
    ? value
    : fail(`${at}.${key}`, "a number or missing", value);
};

export const readOptionalBoolean = (object: JsonObject, key: string, at: string): boolean | undefined => {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "boolean" ? value : fail(`${at}.${key}`, "a boolean or missing", value);
};

export const readOptionalObject = (object: JsonObject, key: string, at: string): JsonObject | undefined => {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return isObject(value) ? value : fail(`${at}.${key}`, "an object or missing", value);
};

/** One of the listed strings. */
export const readEnum = <TValue extends string>(
  object: JsonObject,
  key: string,
  values: readonly TValue[],
  at: string,
): TValue => {
  const value = object[key];
  return typeof value === "string" && (values as readonly string[]).includes(value)
    ? (value as TValue)
    : fail(`${at}.${key}`, `one of ${values.join(", ")}`, value);
};

export const readOptionalEnum = <TValue extends string>(
  object: JsonObject,
  key: string,
  values: readonly TValue[],
  at: string,
): TValue | undefined => {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  return readEnum(object, key, values, at);
};

/** Copies `value` under `key` only when it is defined (exactOptionalPropertyTypes: no `key: undefined`). */
export const optional = <TKey extends string, TValue>(
  key: TKey,
  value: TValue | undefined,
): { [K in TKey]?: TValue } => (value === undefined ? {} : ({ [key]: value } as { [K in TKey]?: TValue }));
