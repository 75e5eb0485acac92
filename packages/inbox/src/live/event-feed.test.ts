import { TEST_BACKENDS, type TestTicketDb } from "@flowdoctor/tickets/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboxEvents } from "../db/inbox-schema.js";
import type { GroupEventKind } from "../group-state.js";
import { openTestInboxDb } from "../testing/test-inbox-db.js";
import { createEventFeed, type EventFeed } from "./event-feed.js";
import type { LiveEvent } from "./read-live-events.js";

const AT = new Date("2030-03-04T10:00:00Z");

describe.each(TEST_BACKENDS)("the live event feed (%s)", (backend) => {
  let store: TestTicketDb;
  let clock = 0;
  const feeds: EventFeed[] = [];
  const newFeed = () => {
    const feed = createEventFeed({ db: store.db, pollMs: 3_600_000, gapGraceMs: 10_000, now: () => clock });
    feeds.push(feed);
    return feed;
  };
  const insert = (workspaceId: string, kind: GroupEventKind, id?: number) =>
    store.db
      .insert(inboxEvents)
      .values({
        ...(id === undefined ? {} : { id }),
        workspaceId,
        fingerprint: "f1",
        kind,
        state: "NEW",
        at: AT,
      })
      .returning();

  const nextId = async () => {
    const result = await store.db.execute<{ id: string }>(sql`SELECT nextval('inbox_events_id_seq') AS id`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { id: string }[] }).rows) as {
      id: string;
    }[];
    return Number(rows[0]?.id);
  };

  beforeAll(async () => {
    store = await openTestInboxDb(backend);
  });
  afterAll(async () => {
    for (const feed of feeds) await feed.close();
    await store?.drop();
  });

  it("hands each new event once to each matching listener, in one query per poll for 100 listeners", async () => {
    await insert("ws-a", "NEW");
    const feed = newFeed();
    const seen: LiveEvent[][] = Array.from({ length: 100 }, () => []);
    for (const list of seen) await feed.subscribe({ workspaceId: "ws-a" }, (event) => list.push(event));
    const regressedOnly: LiveEvent[] = [];
    await feed.subscribe({ workspaceId: "ws-a", kinds: ["REGRESSED"] }, (event) => regressedOnly.push(event));
    const otherWorkspace: LiveEvent[] = [];
    await feed.subscribe({ workspaceId: "ws-b" }, (event) => otherWorkspace.push(event));

    const [fresh] = await insert("ws-a", "NEW");
    const [back] = await insert("ws-a", "REGRESSED");
    const before = feed.queryCount();
    await feed.pollNow();
    await feed.pollNow();
    expect(feed.queryCount() - before).toBe(2);
    for (const list of seen) expect(list.map((event) => event.id)).toEqual([fresh?.id, back?.id]);
    expect(regressedOnly.map((event) => event.kind)).toEqual(["REGRESSED"]);
    expect(otherWorkspace).toEqual([]);
  });

  it("delivers an event whose id was skipped once it commits, within the grace time, and only once", async () => {
    const feed = newFeed();
    const seen: number[] = [];
    await feed.subscribe({ workspaceId: "ws-gap" }, (event) => seen.push(event.id));
    const [early, late, lost] = [await nextId(), await nextId(), await nextId()];
    const last = await nextId();
    // The later id commits first, as when two gateways store state changes at once.
    await insert("ws-gap", "STATE_CHANGED", last);
    await feed.pollNow();
    expect(seen).toEqual([last]);
    await insert("ws-gap", "STATE_CHANGED", early);
    await feed.pollNow();
    await feed.pollNow();
    expect(seen).toEqual([last, early]);
    clock += 6_000;
    await insert("ws-gap", "STATE_CHANGED", late);
    await feed.pollNow();
    expect(seen).toEqual([last, early, late]);
    clock += 6_000;
    await insert("ws-gap", "STATE_CHANGED", lost);
    await feed.pollNow();
    expect(seen).toEqual([last, early, late]);
  });

  it("stops reading when nobody listens and starts again from the present", async () => {
    const feed = newFeed();
    const first: LiveEvent[] = [];
    const stop = await feed.subscribe({ workspaceId: "ws-c" }, (event) => first.push(event));
    stop();
    expect(feed.subscriberCount()).toBe(0);
    await insert("ws-c", "NEW");
    const second: LiveEvent[] = [];
    await feed.subscribe({ workspaceId: "ws-c" }, (event) => second.push(event));
    const [later] = await insert("ws-c", "ESCALATING");
    await feed.pollNow();
    expect(first).toEqual([]);
    expect(second.map((event) => event.id)).toEqual([later?.id]);
  });
});
