// The watcher's cost and delay: platform requests per cycle while 1, 10 and 100 subscribers listen on the live event
// feed (the watcher's own reading must not grow with them, nor the feed's database queries), the time from an error
// being logged on the platform to its NEW event, with the watcher on a 1 s cycle (target: one cycle plus 5 s), and
// from an error being logged to its alert reaching a signed-webhook receiver through the outbox (the same target).
// Prints figures and ratios; never fails on speed.
import { randomBytes, randomUUID } from "node:crypto";
import { createEmulator } from "@flowdoctor/platform-emulator";
import { createAlertChannel, createOutboxWorker, createSmtpChannel } from "@flowdoctor/tickets";
import { openTestTicketDb, startWebhookReceiver } from "@flowdoctor/tickets/testing";
import { setAlertRule } from "../src/alerts/alert-rules.js";
import { STORE_MIGRATIONS } from "../src/db/inbox-migrations.js";
import { createEventFeed } from "../src/live/event-feed.js";
import { platformWatchSources } from "../src/watch/watch-source.js";
import { createWatcher } from "../src/watch/watcher.js";
import { registerWatch } from "../src/watch/watches.js";

const CYCLE_MS = 1000;
const ROUND_WORDS = ["alpha", "bravo", "charlie", "delta", "echo"];
const emulator = await createEmulator();
const store = await openTestTicketDb("pglite", { migrations: STORE_MIGRATIONS });
const alice = emulator.users.find((user) => user.email.startsWith("alice@"));
const workspaceId = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id;
const template = emulator.scenario.logs.find(
  (entry) => entry.workspace_id === workspaceId && entry.level >= 50,
);
if (alice === undefined || workspaceId === undefined || template === undefined)
  throw new Error("demo data missing");
const key = randomBytes(32);
await registerWatch(store.db, key, { workspaceId, email: alice.email, apiKey: alice.apiKey }, new Date());
const sources = platformWatchSources({ baseUrl: emulator.url });

const logError = (message: string) =>
  emulator.appendLogs([{ ...template, id: randomUUID(), message, timestamp: new Date().toISOString() }]);

// 1. Requests per cycle: each cycle logs one new error; 1, 10 or 100 subscribers listen on the live event feed (as a
// gateway's GraphQL subscriptions do), which reads the new events once per poll for all of them.
const requestsPerCycle = async (subscribers: number) => {
  const watcher = createWatcher({
    db: store.db,
    key,
    sources,
    holder: `bench-${subscribers}`,
    intervalMs: CYCLE_MS,
  });
  await watcher.runCycle();
  const feed = createEventFeed({ db: store.db, pollMs: 3_600_000 });
  const received = new Array<number>(subscribers).fill(0);
  for (let index = 0; index < subscribers; index += 1)
    await feed.subscribe({ workspaceId }, () => {
      received[index] = (received[index] ?? 0) + 1;
    });
  let requests = 0;
  let recorded = 0;
  const queriesBefore = feed.queryCount();
  const cycles = 5;
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    // A problem of its own each cycle (distinct words, which grouping keeps apart), so every cycle records a NEW event.
    logError(
      `bench ${subscribers} subscribers ${randomUUID().replace(/[0-9-]/g, "")}: connect ECONNREFUSED 10.0.0.1:443`,
    );
    emulator.resetRequests();
    recorded += (await watcher.runCycle()).events.length;
    requests += emulator.requests.length;
    await feed.pollNow();
  }
  const queries = (feed.queryCount() - queriesBefore) / cycles;
  const eachOnce = received.every((count) => count === recorded);
  await feed.close();
  await watcher.stop();
  return { requests: requests / cycles, queries, eachOnce, recorded };
};

const perCycle = new Map<number, Awaited<ReturnType<typeof requestsPerCycle>>>();
for (const subscribers of [1, 10, 100]) perCycle.set(subscribers, await requestsPerCycle(subscribers));
const base = perCycle.get(1)?.requests ?? 1;
console.log(
  "watcher: platform requests per cycle (one new error per cycle), subscribers on the live event feed",
);
for (const [subscribers, { requests, queries, eachOnce, recorded }] of perCycle)
  console.log(
    `  ${String(subscribers).padStart(3)} subscribers: ${requests.toFixed(1)} platform requests (${(requests / base).toFixed(2)}× of 1), ${queries.toFixed(1)} feed queries, ${recorded} events in 5 cycles, each to each subscriber once: ${eachOnce}`,
  );

// 2. Time from an error being logged to its NEW event, the watcher running on its own timer.
const delays: number[] = [];
for (let round = 0; round < 5; round += 1) {
  let loggedAt = 0;
  const seen = new Promise<number>((resolve) => {
    const watcher = createWatcher({
      db: store.db,
      key,
      sources,
      holder: "bench-delay",
      intervalMs: CYCLE_MS,
      onEvents: (events) => {
        if (events.some((event) => event.kind === "NEW")) {
          resolve(performance.now() - loggedAt);
          void watcher.stop();
        }
      },
    });
    watcher.start();
    setTimeout(
      () => {
        loggedAt = performance.now();
        // Words, not random hex: normalisation turns digits into <n>, so two rounds could share one group.
        logError(`bench delay: a brand new problem named ${ROUND_WORDS[round]}`);
      },
      300 + round * 137,
    );
  });
  delays.push(await seen);
}
delays.sort((a, b) => a - b);
const median = delays[Math.floor(delays.length / 2)] ?? 0;
console.log(
  `error logged → NEW event: median ${(median / 1000).toFixed(2)} s, worst ${((delays.at(-1) ?? 0) / 1000).toFixed(2)} s`,
);
console.log(
  `  target: one cycle + 5 s = ${((CYCLE_MS + 5000) / 1000).toFixed(1)} s (${(median / (CYCLE_MS + 5000)).toFixed(2)}× of target)`,
);

// 3. Time from an error being logged to its alert delivered: the watcher on its timer queues it in the cycle's
// transaction and wakes the outbox worker, which posts it, signed, to a receiver on 127.0.0.1.
const secret = `whsec_${randomBytes(32).toString("base64")}`;
const receiver = await startWebhookReceiver(secret);
const hook = createAlertChannel({ name: "bench-hook", kind: "WEBHOOK", url: receiver.url, secret });
await setAlertRule(
  store.db,
  { workspaceId, name: "bench", events: ["NEW"], channel: "bench-hook" },
  { by: "bench", now: new Date(), channels: new Set(["bench-hook"]) },
);
const outbox = createOutboxWorker({
  db: store.db,
  channel: createSmtpChannel({ url: "smtp://127.0.0.1:9" }),
  message: { to: "support@example.com", from: "bench@localhost" },
  alertChannels: new Map([["bench-hook", hook]]),
});
outbox.start();
const alertDelays: number[] = [];
for (let round = 0; round < 5; round += 1) {
  const before = receiver.received.length;
  const watcher = createWatcher({
    db: store.db,
    key,
    sources,
    holder: "bench-alert",
    intervalMs: CYCLE_MS,
    onAlertsQueued: () => outbox.wake(),
  });
  watcher.start();
  await new Promise((resolve) => setTimeout(resolve, 300 + round * 137));
  const loggedAt = performance.now();
  logError(`bench alert: another brand new problem named ${ROUND_WORDS[round]}`);
  while (receiver.received.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
  alertDelays.push(performance.now() - loggedAt);
  await watcher.stop();
}
await outbox.stop();
await hook.close();
await receiver.close();
alertDelays.sort((a, b) => a - b);
const alertMedian = alertDelays[Math.floor(alertDelays.length / 2)] ?? 0;
console.log(
  `error logged → alert delivered (signed webhook, verified ${receiver.received.every((request) => request.verified)}): median ${(alertMedian / 1000).toFixed(2)} s, worst ${((alertDelays.at(-1) ?? 0) / 1000).toFixed(2)} s`,
);
console.log(
  `  target: one cycle + 5 s = ${((CYCLE_MS + 5000) / 1000).toFixed(1)} s (${(alertMedian / (CYCLE_MS + 5000)).toFixed(2)}× of target)`,
);

await sources.close();
await store.drop();
await emulator.close();
