import { describe, expect, it } from "vitest";
import { iteratePages, toPage } from "./page.js";

describe("paging", () => {
  it("knows about more pages from total_pages or from total and per_page", () => {
    expect(toPage([1], { page: 1, perPage: 1, total: 3, totalPages: 3 }, 1).hasMore).toBe(true);
    expect(toPage([1], { page: 3, perPage: 1, total: 3, totalPages: 3 }, 3).hasMore).toBe(false);
    expect(toPage([1, 2], { perPage: 2, total: 3 }, 1).hasMore).toBe(true);
  });

  it("takes a list without pagination meta as whole", () => {
    expect(toPage([1, 2, 3], {}, 1)).toEqual({ items: [1, 2, 3], pageNumber: 1, hasMore: false });
  });

  it("ends the walk even when the server ignores the page asked for", async () => {
    let calls = 0;
    const items: number[] = [];
    for await (const item of iteratePages(async () => {
      calls++;
      return toPage([calls], { page: 1, totalPages: 3 }, calls);
    })) {
      items.push(item);
    }
    expect(items).toEqual([1, 2, 3]);
    expect(calls).toBe(3);
  });
});
