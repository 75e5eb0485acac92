import { fail } from "./decode-issue.js";
import { asArray, asObject, isObject, type JsonObject, readString } from "./read.js";

/** The parts of a JSON:API resource object the decoders use. */
export interface ResourceObject {
  readonly id: string;
  readonly attributes: JsonObject;
  readonly relationships: JsonObject;
  /** Where this resource sits in the body, for error messages, e.g. `data[3]`. */
  readonly at: string;
}

const EMPTY: JsonObject = Object.freeze({});

/** Reads a resource object and checks its `type`; `attributes` and `relationships` may be missing. */
export const readResource = (value: unknown, type: string, at: string): ResourceObject => {
  const object = asObject(value, at);
  const actual = object.type;
  if (actual !== type) fail(`${at}.type`, `"${type}"`, actual);
  const id = readString(object, "id", at);
  const attributes =
    object.attributes === undefined ? EMPTY : asObject(object.attributes, `${at}.attributes`);
  const relationships =
    object.relationships === undefined ? EMPTY : asObject(object.relationships, `${at}.relationships`);
  return { id, attributes, relationships, at };
};

/** The id a to-one relationship points to (`relationships[name].data.id`), or undefined when it has none. */
export const relatedId = (resource: ResourceObject, name: string): string | undefined => {
  const relationship = resource.relationships[name];
  if (relationship === undefined || relationship === null) return undefined;
  const at = `${resource.at}.relationships.${name}`;
  const data = asObject(relationship, at).data;
  if (data === undefined || data === null) return undefined;
  return readString(asObject(data, `${at}.data`), "id", `${at}.data`);
};

/** Like {@link relatedId}, but the relationship must be there. */
export const requiredRelatedId = (resource: ResourceObject, name: string): string =>
  relatedId(resource, name) ?? fail(`${resource.at}.relationships.${name}.data.id`, "a string", undefined);

/** The top-level `data` of a single-resource body. */
export const singleData = (body: unknown): unknown => asObject(body, "body").data;

/** The top-level `data` array of a collection body. */
export const collectionData = (body: unknown): readonly unknown[] =>
  asArray(asObject(body, "body").data, "data");

/** The top-level `included` array, empty when absent. */
export const includedData = (body: unknown): readonly unknown[] => {
  const included = asObject(body, "body").included;
  return included === undefined || included === null ? [] : asArray(included, "included");
};

/** Pagination meta as documented (`page`, `per_page`, `total`, `total_pages`), each part optional. */
export interface PageMeta {
  readonly page?: number;
  readonly perPage?: number;
  readonly total?: number;
  readonly totalPages?: number;
}

const metaNumber = (meta: JsonObject, key: string): number | undefined => {
  const value = meta[key];
  if (value === undefined || value === null) return undefined;
  // Some proxies and older routes send numbers as strings; accept digits, reject anything else.
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return typeof value === "number" && Number.isInteger(value) && value >= 0
    ? value
    : fail(`meta.${key}`, "a non-negative integer", value);
};

/** Reads pagination meta; a missing or empty `meta` gives an empty object (several endpoints send `meta: {}`). */
export const readPageMeta = (body: unknown): PageMeta => {
  const meta = asObject(body, "body").meta;
  if (!isObject(meta)) return {};
  const result: { page?: number; perPage?: number; total?: number; totalPages?: number } = {};
  const page = metaNumber(meta, "page");
  const perPage = metaNumber(meta, "per_page");
  const total = metaNumber(meta, "total");
  const totalPages = metaNumber(meta, "total_pages");
  if (page !== undefined) result.page = page;
  if (perPage !== undefined) result.perPage = perPage;
  if (total !== undefined) result.total = total;
  if (totalPages !== undefined) result.totalPages = totalPages;
  return result;
};
