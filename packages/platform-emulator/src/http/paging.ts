import type { Query } from "./query.js";
import { integerParam } from "./query.js";

/** The largest `page[size]` the emulator accepts; the platform documents none, so this is the emulator's rule. */
export const MAX_PAGE_SIZE = 100;

/** One page of a list and its pagination meta. */
export interface Page<TItem> {
  readonly items: readonly TItem[];
  readonly meta: { page: number; per_page: number; total: number; total_pages: number };
}

/** One page of a list: `page[number]` (1-based) and `page[size]`; a page beyond the end is empty, not an error. */
export const paginate = <TItem>(items: readonly TItem[], query: Query, defaultSize: number): Page<TItem> => {
  const size = integerParam(query, "page[size]", { fallback: defaultSize, min: 1, max: MAX_PAGE_SIZE });
  const number = integerParam(query, "page[number]", { fallback: 1, min: 1, max: Number.MAX_SAFE_INTEGER });
  const start = (number - 1) * size;
  return {
    items: items.slice(start, start + size),
    meta: { page: number, per_page: size, total: items.length, total_pages: Math.ceil(items.length / size) },
  };
};
