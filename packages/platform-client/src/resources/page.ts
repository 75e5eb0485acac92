import type { PageMeta } from "../decode/json-api.js";

/** One page of a JSON:API collection. */
export interface Page<TItem> {
  readonly items: readonly TItem[];
  /** The 1-based page number (as the server reported it, or as requested). */
  readonly pageNumber: number;
  /** Items per page, when the server reported it. */
  readonly pageSize?: number;
  /** All items across pages, when the server reported it. */
  readonly total?: number;
  /** Number of pages, when the server reported it. */
  readonly totalPages?: number;
  /** Whether a next page exists. False when the server sent no pagination meta: the list was whole. */
  readonly hasMore: boolean;
}

/** Paging arguments of single-page `list*` calls. */
export interface PageQuery {
  /** 1-based page number (`page[number]`); the server's default is 1. */
  readonly pageNumber?: number;
  /** Items per page (`page[size]`); each endpoint has its own default (flows 50, contracts 20, ...). */
  readonly pageSize?: number;
}

/**
 * Builds a page from items and meta. Without `total_pages` or `total` the client cannot know about more pages and
 * assumes the list was whole, so a server that ignores `page[...]` cannot make an iterator loop forever.
 */
export const toPage = <TItem>(items: readonly TItem[], meta: PageMeta, requested: number): Page<TItem> => {
  const pageNumber = meta.page ?? requested;
  const perPage = meta.perPage;
  let hasMore = false;
  // Counted from the page asked for, so a server that always reports page 1 still ends the walk.
  if (meta.totalPages !== undefined) hasMore = requested < meta.totalPages;
  else if (meta.total !== undefined && perPage !== undefined) hasMore = requested * perPage < meta.total;
  if (items.length === 0) hasMore = false;
  return {
    items,
    pageNumber,
    hasMore,
    ...(perPage === undefined ? {} : { pageSize: perPage }),
    ...(meta.total === undefined ? {} : { total: meta.total }),
    ...(meta.totalPages === undefined ? {} : { totalPages: meta.totalPages }),
  };
};

/** Walks pages from the first until `hasMore` is false, yielding their items. */
export async function* iteratePages<TItem>(
  fetchPage: (pageNumber: number) => Promise<Page<TItem>>,
): AsyncGenerator<TItem, void, undefined> {
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetchPage(pageNumber);
    yield* page.items;
    if (!page.hasMore) return;
  }
}

/** The `page[...]` query parameters for a page request. */
export const pageParams = (query: PageQuery) => ({
  "page[number]": query.pageNumber,
  "page[size]": query.pageSize,
});
