import type { EventFeed, LiveEvent, LiveEventFilter } from "@flowdoctor/inbox";

/** Events a slow subscriber may have waiting before its subscription ends (it can subscribe again). */
export const MAX_QUEUED_EVENTS = 1000;

/**
 * The feed's events for one filter as an async iterator, listening from the moment it resolves; `return()` (the
 * client completing, the connection closing) stops listening. With `afterId`, the events stored after it come first
 * (at most {@link MAX_QUEUED_EVENTS}), each once even if the feed delivers it too. A subscriber that falls
 * {@link MAX_QUEUED_EVENTS} behind is ended rather than let the gateway's memory grow.
 */
export const feedEvents = async (
  feed: EventFeed,
  filter: LiveEventFilter,
  afterId?: number,
): Promise<AsyncIterableIterator<LiveEvent>> => {
  const queue: LiveEvent[] = [];
  const replayed = new Set<number>();
  let waiting: ((result: IteratorResult<LiveEvent>) => void) | undefined;
  let done = false;
  const finish = () => {
    done = true;
    stop();
    waiting?.({ done: true, value: undefined });
    waiting = undefined;
  };
  const stop = await feed.subscribe(filter, (event) => {
    if (done || replayed.has(event.id)) return;
    if (waiting !== undefined) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ done: false, value: event });
    } else if (queue.length >= MAX_QUEUED_EVENTS) finish();
    else queue.push(event);
  });
  if (afterId !== undefined) {
    // Listening began first, so nothing stored meanwhile falls between the stored events and the live ones.
    const stored = await feed.replay(filter, afterId, MAX_QUEUED_EVENTS).catch((error: unknown) => {
      stop();
      throw error;
    });
    const queued = new Set(queue.map((event) => event.id));
    for (const event of stored) replayed.add(event.id);
    queue.unshift(...stored.filter((event) => !queued.has(event.id)));
  }
  const iterator: AsyncIterableIterator<LiveEvent> = {
    next: () => {
      const event = queue.shift();
      if (event !== undefined) return Promise.resolve({ done: false, value: event });
      if (done) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return: () => {
      queue.length = 0;
      finish();
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
};
