import type { Page, PageQuery } from "@flowdoctor/platform-client";
import type { ConnectionData } from "./connection.type.js";
import { encodeCursor } from "./cursor.js";
import type { PageWindow } from "./page.args.js";

/** Builds a connection from the items of a window of a list and the list's size. */
export const toConnection = <TNode>(
  items: readonly TNode[],
  window: PageWindow,
  total: number,
): ConnectionData<TNode> => {
  const edges = items.map((node, index) => ({ cursor: encodeCursor(window.offset + index), node }));
  return {
    edges,
    nodes: items,
    totalCount: total,
    pageInfo: {
      hasNextPage: window.offset + items.length < total,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
};

/**
 * Reads one window of a page-numbered platform list: one call when the window lines up with the
 * platform's pages, two when it straddles them. A platform that ignores paging (returns more items
 * than asked) is sliced here instead.
 */
export const readWindow = async <TItem>(
  fetchPage: (query: Required<PageQuery>) => Promise<Page<TItem>>,
  window: PageWindow,
): Promise<ConnectionData<TItem>> => {
  const size = window.first;
  const pageNumber = Math.floor(window.offset / size) + 1;
  const page = await fetchPage({ pageNumber, pageSize: size });
  if (page.items.length > size) {
    return toConnection(page.items.slice(window.offset, window.offset + size), window, page.items.length);
  }
  let items = page.items.slice(window.offset % size);
  if (window.offset % size !== 0 && page.hasMore) {
    items = items.concat((await fetchPage({ pageNumber: pageNumber + 1, pageSize: size })).items);
  }
  items = items.slice(0, size);
  const total = page.total ?? window.offset + items.length + (page.hasMore ? 1 : 0);
  return toConnection(items, window, total);
};
