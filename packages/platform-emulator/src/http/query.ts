import { badRequest } from "./api-error.js";

/**
 * Query parameters, bracketed names included (`page[size]`, `levels[]`), sent raw or percent-encoded:
 * `URLSearchParams` decodes `%5B`/`%5D` in names, so both spellings arrive as the same key.
 */
export type Query = URLSearchParams;

/** Parses a query string (without `?`). */
export const parseQuery = (search: string): Query => new URLSearchParams(search);

/** A required parameter: 400 naming it when missing or empty. */
export const requiredParam = (query: Query, name: string): string => {
  const value = query.get(name)?.trim();
  if (value === undefined || value === "") throw badRequest(`Parameter ${name} is required`, name);
  return value;
};

/** An optional integer parameter within bounds; 400 naming it and the rule otherwise. */
export const integerParam = (
  query: Query,
  name: string,
  bounds: { fallback: number; min: number; max: number },
): number => {
  const raw = query.get(name);
  if (raw === null || raw.trim() === "") return bounds.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw badRequest(`Parameter ${name} must be an integer from ${bounds.min} to ${bounds.max}`, name);
  }
  return value;
};

/** An optional parameter restricted to listed values. */
export const enumParam = <TValue extends string>(
  query: Query,
  name: string,
  allowed: readonly TValue[],
): TValue | undefined => {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw badRequest(`Parameter ${name} must be one of: ${allowed.join(", ")}`, name);
  }
  return raw as TValue;
};

/** An optional ISO-8601 date-time parameter, as epoch milliseconds. */
export const timeParam = (query: Query, name: string): number | undefined => {
  const value = query.get(name);
  if (value === null || value.trim() === "") return undefined;
  // An unencoded "+" of a UTC offset arrives as a space; read it as the "+" the client meant.
  const raw = value.replace(/ (\d{2}:?\d{2})$/, "+$1");
  const ms = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms)) throw badRequest(`Parameter ${name} must be an ISO-8601 date-time`, name);
  return ms;
};

/** A repeatable parameter (`flow_ids[]`); also accepts the bare name and comma-separated values. */
export const listParam = (query: Query, name: string): string[] =>
  [...query.getAll(`${name}[]`), ...query.getAll(name)]
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
