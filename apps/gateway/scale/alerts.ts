// The scale test's alerts: a signed-webhook receiver on loopback, new problems logged to a watched workspace while
// the faults run, and the check that each problem was alerted once (a repeat of one delivery id is the documented
// at-least-once; the same event in two deliveries, or a problem never alerted, fails the run).
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Emulator } from "@flowdoctor/platform-emulator";

/** The marker in every problem this test logs, so alerts about the demo's own groups are told apart. */
const PROBLEM = "scale test problem";

interface AlertDelivery {
  readonly deliveryId: string;
  readonly items: readonly { eventId: string; kind: string; pattern: string }[];
}

export interface AlertReceiver {
  /** The `ALERT_CHANNELS` value naming this receiver `scale-hook`. */
  readonly channels: string;
  readonly deliveries: AlertDelivery[];
  stop(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

/** A Standard Webhooks receiver recording every delivery (its `webhook-id` and items); it always answers 204. */
export const startAlertReceiver = async (): Promise<AlertReceiver> => {
  const deliveries: AlertDelivery[] = [];
  const server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as {
      items?: { eventId: string; kind: string; group: { pattern: string } }[];
    };
    deliveries.push({
      deliveryId: String(request.headers["webhook-id"] ?? ""),
      items: (body.items ?? []).map((item) => ({
        eventId: item.eventId,
        kind: item.kind,
        pattern: item.group.pattern,
      })),
    });
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return {
    channels: JSON.stringify([
      { name: "scale-hook", kind: "WEBHOOK", url: `http://127.0.0.1:${port}/alerts`, secret },
    ]),
    deliveries,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** Logs one new problem to the workspace every `everyMs` until `untilMs` (performance time); answers their names. */
export const logNewProblems = async (
  emulator: Emulator,
  workspaceId: string,
  everyMs: number,
  untilMs: number,
): Promise<string[]> => {
  const template = emulator.scenario.logs.find(
    (entry) => entry.workspace_id === workspaceId && entry.level >= 50,
  );
  if (template === undefined) throw new Error("the demo has no error entry in the watched workspace");
  // Letters only: a name normalises to itself, so every problem is a group of its own.
  const names = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"];
  const logged: string[] = [];
  for (const name of names) {
    if (performance.now() >= untilMs) break;
    emulator.appendLogs([
      {
        ...template,
        id: randomUUID(),
        message: `${PROBLEM} ${name}: connect ECONNREFUSED`,
        timestamp: new Date().toISOString(),
      },
    ]);
    logged.push(name);
    await sleep(everyMs);
  }
  return logged;
};

/** Each logged problem's NEW events as delivered: the distinct events and the deliveries carrying them. */
const eventsOf = (deliveries: readonly AlertDelivery[], name: string) => {
  const events = new Map<string, Set<string>>();
  for (const delivery of deliveries)
    for (const item of delivery.items)
      if (item.kind === "NEW" && item.pattern.includes(`${PROBLEM} ${name}:`))
        events.set(item.eventId, (events.get(item.eventId) ?? new Set()).add(delivery.deliveryId));
  return events;
};

/** Waits until every logged problem was alerted, or `timeoutMs` passed. */
export const waitForAlerts = async (
  receiver: AlertReceiver,
  logged: readonly string[],
  timeoutMs: number,
): Promise<void> => {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (logged.every((name) => eventsOf(receiver.deliveries, name).size > 0)) return;
    await sleep(500);
  }
};

/** The report's alert lines, and a failure for each problem alerted never or by two events or deliveries. */
export const summariseAlerts = (
  receiver: AlertReceiver,
  logged: readonly string[],
): { lines: string[]; failures: string[] } => {
  const failures: string[] = [];
  const byId = new Map<string, number>();
  for (const delivery of receiver.deliveries)
    byId.set(delivery.deliveryId, (byId.get(delivery.deliveryId) ?? 0) + 1);
  const repeats = [...byId.values()].filter((count) => count > 1).length;
  for (const name of logged) {
    const events = eventsOf(receiver.deliveries, name);
    const deliveryIds = new Set([...events.values()].flatMap((ids) => [...ids]));
    if (events.size === 0) failures.push(`problem "${name}" was never alerted`);
    else if (events.size > 1) failures.push(`problem "${name}" was raised ${events.size} times`);
    else if (deliveryIds.size > 1)
      failures.push(`problem "${name}" went out in ${deliveryIds.size} deliveries`);
  }
  const alerted = logged.filter((name) => eventsOf(receiver.deliveries, name).size > 0).length;
  return {
    lines: [
      `problems logged to the watched workspace ${logged.length}, alerted ${alerted}, each raised once: ${failures.length === 0 ? "yes" : "no"}`,
      `webhook deliveries ${receiver.deliveries.length}, distinct delivery ids ${byId.size}; the same delivery id again (at-least-once, documented) ${repeats}`,
    ],
    failures,
  };
};
