import { randomBytes, randomUUID } from "node:crypto";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import {
  type AlertChannel,
  createAlertChannel,
  createOutboxWorker,
  createSmtpChannel,
  openTicketDb,
  readAlertChannels,
  type TicketDatabase,
  type TicketDb,
} from "@flowdoctor/tickets";
import {
  freshSchemaName,
  type SmtpSink,
  startSmtpSink,
  startWebhookReceiver,
  TEST_BACKENDS,
  TEST_DATABASE_URL,
  type TestTicketDb,
  type WebhookReceiver,
} from "@flowdoctor/tickets/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeGroupState } from "../change-state.js";
import type { InboxRules } from "../group-state.js";
import { openTestInboxDb } from "../testing/test-inbox-db.js";
import { readSecretKey } from "../watch/sealed-credentials.js";
import { platformWatchSources, type WatchSources } from "../watch/watch-source.js";
import { createWatcher, type Watcher } from "../watch/watcher.js";
import { registerWatch } from "../watch/watches.js";
import { type AlertRuleInput, listAlertRules, setAlertRule } from "./alert-rules.js";

const HOUR = 3_600_000;
// A fixed day: the emulator's clock and the watcher's both start here, whatever the machine's date.
const DAY_START = Date.parse("2030-03-04T00:00:00Z");
const at = (hours: number) => new Date(DAY_START + hours * HOUR);
const KEY = readSecretKey(Buffer.alloc(32, 9).toString("base64"));
const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const CONSOLE = "https://flowdoctor.example.com";
// A secret in a logged message: every text of an alert is redacted, so it must reach no receiver.
const PLANTED_SECRET = "Zq8vN3xT5kLmP2wR7yB4";
const PLANTED = `password=${PLANTED_SECRET}`;
const RULES: InboxRules = {
  newPeriodMs: 3 * HOUR,
  regressedPeriodMs: 3 * HOUR,
  escalation: { factor: 5, minCount: 10, baselineHours: 6 },
  retentionDays: 30,
};

interface Received {
  readonly ruleName: string;
  readonly kinds: string[];
}

describe.each(TEST_BACKENDS)("alerts raised by the watcher through a day (%s)", (backend) => {
  let emulator: Emulator;
  let store: TestTicketDb;
  let second: TicketDatabase | undefined;
  let sources: WatchSources[];
  let watchers: Watcher[];
  let sink: SmtpSink;
  let signed: WebhookReceiver;
  let teams: WebhookReceiver;
  let channels: Map<string, AlertChannel>;
  let workspaceId: string;
  let flow: { id: string };
  let hours = 0;
  const errors: string[] = [];

  const log = (message: string, count: number, atHours: number, stepId = "step_1") => {
    const template = emulator.scenario.logs.find((entry) => entry.workspace_id === workspaceId) as object;
    emulator.appendLogs(
      Array.from({ length: count }, (_, index) => ({
        ...(template as (typeof emulator.scenario.logs)[number]),
        id: randomUUID(),
        flow_id: flow.id,
        step_id: stepId,
        level: 50,
        message: `${message} #${index + 1}`,
        timestamp: new Date(at(atHours).getTime() - (index + 1) * 1000).toISOString(),
      })),
    );
  };

  const workerOn = (db: TicketDb) =>
    createOutboxWorker({
      db,
      channel: createSmtpChannel({ url: sink.url }),
      message: { to: "support@example.com", from: "flowdoctor@localhost" },
      alertChannels: channels,
      backoff: { baseMs: 20, maxMs: 50 },
    });

  /** One cycle of both replicas at `atHours`, then both replicas' outbox workers drain together. */
  const cycle = async (atHours: number) => {
    hours = atHours;
    const reports = [];
    for (const watcher of watchers) reports.push(await watcher.runCycle());
    expect(reports.filter((report) => report.leader)).toHaveLength(1);
    await Promise.all([store.db, second?.db ?? store.db].map((db) => workerOn(db).drain()));
    return reports.flatMap((report) => report.alerts);
  };

  const bodies = (receiver: WebhookReceiver): Received[] =>
    receiver.received.map((request) => {
      const body = JSON.parse(request.body);
      return {
        ruleName: body.ruleName ?? body.sections?.[0]?.activityTitle ?? "?",
        kinds: (body.items ?? []).map((item: { kind: string }) => item.kind),
      };
    });

  const rule = (input: Omit<AlertRuleInput, "workspaceId">) =>
    setAlertRule(
      store.db,
      { workspaceId, ...input },
      { by: "user-alice", now: at(0), channels: new Set(channels.keys()) },
    );

  beforeAll(async () => {
    emulator = await createEmulator({ now: new Date(DAY_START) });
    const alice = emulator.users.find((user) => user.email.startsWith("alice@")) as Emulator["users"][number];
    workspaceId = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
    flow = emulator.scenario.flows.find((candidate) => candidate.workspaceId === workspaceId) as typeof flow;
    const schema = freshSchemaName();
    store = await openTestInboxDb(backend, schema);
    // A second gateway: its own connection pool to the same PostgreSQL (PGlite is one process: the same handle).
    second =
      backend === "postgres"
        ? await openTicketDb({ databaseUrl: TEST_DATABASE_URL as string, schema })
        : undefined;
    sink = await startSmtpSink();
    signed = await startWebhookReceiver(SECRET);
    teams = await startWebhookReceiver();
    const problems: string[] = [];
    const configs = readAlertChannels(
      JSON.stringify([
        {
          name: "ops-mail",
          kind: "EMAIL",
          smtpUrl: sink.url,
          from: "alerts@acme.example",
          to: "ops@acme.example",
        },
        { name: "ops-hook", kind: "WEBHOOK", url: signed.url, secret: SECRET },
        { name: "teams", kind: "TEAMS", url: teams.url },
      ]),
      problems,
    );
    expect(problems).toEqual([]);
    channels = new Map(configs.map((config) => [config.name, createAlertChannel(config)]));
    await registerWatch(store.db, KEY, { workspaceId, email: alice.email, apiKey: alice.apiKey }, at(0));
    sources = [
      platformWatchSources({ baseUrl: emulator.url }),
      platformWatchSources({ baseUrl: emulator.url }),
    ];
    watchers = [store.db, second?.db ?? store.db].map((db, index) =>
      createWatcher({
        db,
        key: KEY,
        sources: sources[index] as WatchSources,
        holder: `gateway-${index}`,
        lookbackMs: 0,
        rules: RULES,
        alerts: { consoleUrl: CONSOLE },
        now: () => at(hours),
        onError: (_, error) => errors.push(String(error)),
      }),
    );
  });
  afterAll(async () => {
    for (const watcher of watchers ?? []) await watcher.stop();
    for (const source of sources ?? []) await source.close();
    for (const channel of channels?.values() ?? []) await channel.close();
    await signed?.close();
    await teams?.close();
    await sink?.stop();
    await second?.close();
    await store?.drop();
    await emulator?.close();
  });

  it("sends one message per rule per digest interval, holds quiet hours, filters by cause", async () => {
    // Every event at once, signed; a 3-hour e-mail digest; a Teams card held 02:30–04:30 Berlin time (01:30–03:30
    // UTC in March); and credentials problems only.
    await rule({ name: "hook-all", events: ["NEW", "REGRESSED", "ESCALATING"], channel: "ops-hook" });
    await rule({
      name: "mail-digest",
      events: ["NEW", "REGRESSED"],
      channel: "ops-mail",
      digestMinutes: 180,
    });
    await rule({
      name: "teams-night",
      events: ["NEW"],
      channel: "teams",
      quietHours: { start: "02:30", end: "04:30", timeZone: "Europe/Berlin" },
    });
    await rule({ name: "creds-only", events: ["NEW"], causes: ["INVALID_CREDENTIALS"], channel: "ops-hook" });
    expect((await listAlertRules(store.db, workspaceId)).map((r) => r.name)).toEqual([
      "creds-only",
      "hook-all",
      "mail-digest",
      "teams-night",
    ]);

    expect(await cycle(0)).toEqual([]);
    // Hour 1: two problems start: every rule sends at once (the digest's first message is not held).
    log("connect ECONNREFUSED 10.0.0.1:443", 3, 1);
    log("Request failed with status 401 Unauthorized", 1, 1, "step_2");
    expect(await cycle(1)).toHaveLength(4);
    // Hours 2 and 3: a new problem each; the e-mail digest and the quiet Teams rule hold them.
    log(`Disk quota exceeded on /var/data, login ${PLANTED}`, 1, 2);
    expect(await cycle(2)).toHaveLength(1);
    log("TypeError: this.client.send is not a function", 1, 3, "step_3");
    expect(await cycle(3)).toHaveLength(1);
    expect(sink.count()).toBe(1);
    expect(teams.received).toHaveLength(1);
    // Hour 4: three hours since its last message, the e-mail digest sends both; quiet hours are over: Teams too.
    expect(await cycle(4)).toHaveLength(2);
    // The refused connections are resolved, and return at hour 6: REGRESSED, e-mailed at hour 7 (digest).
    const [refused] = await store.db
      .execute(sql`SELECT fingerprint FROM inbox_groups WHERE pattern LIKE 'connect%'`)
      .then((result) => (result as unknown as { rows: { fingerprint: string }[] }).rows);
    await changeGroupState(store.db, {
      workspaceId,
      fingerprint: refused?.fingerprint as string,
      state: "RESOLVED",
      by: "someone",
      now: at(4.5),
    });
    log("connect ECONNREFUSED 10.0.0.9:443", 2, 6);
    expect(await cycle(6)).toHaveLength(1);
    expect(await cycle(6.5)).toEqual([]);
    expect(await cycle(7)).toHaveLength(1);
    expect(await cycle(8)).toEqual([]);
    expect(errors).toEqual([]);

    // The signed webhook: each message verified, one per cycle with events, and the credentials rule once.
    expect(signed.received.every((request) => request.verified)).toBe(true);
    const hooks = bodies(signed);
    expect(hooks.filter((body) => body.ruleName === "hook-all").map((body) => body.kinds)).toEqual([
      ["NEW", "NEW"],
      ["NEW"],
      ["NEW"],
      ["REGRESSED"],
    ]);
    expect(hooks.filter((body) => body.ruleName === "creds-only").map((body) => body.kinds)).toEqual([
      ["NEW"],
    ]);
    const ids = signed.received.map((request) => request.headers["webhook-id"]);
    expect(new Set(ids).size).toBe(ids.length);
    const regressed = JSON.parse(signed.received.at(-1)?.body ?? "{}");
    expect(regressed.items[0]).toMatchObject({
      kind: "REGRESSED",
      group: {
        fingerprint: refused?.fingerprint,
        flowId: flow.id,
        stepId: "step_1",
        cause: "SYSTEM_DOWNTIME",
      },
      summary: expect.stringContaining("came back after it was resolved"),
      link: `${CONSOLE}/playground#/diagnosis?flow=${flow.id}&group=${refused?.fingerprint}&workspace=${workspaceId}`,
    });
    expect(regressed.items[0].group).toMatchObject({ count: 2, totalCount: 5, level: "INTEGRATION_LOGIC" });
    expect(regressed.deliveryId).toBe(signed.received.at(-1)?.headers["webhook-id"]);

    // The e-mail digest: hour 1 (2 events), hour 4 (2 held), hour 7 (the regression); stable Message-IDs.
    const mails = await sink.messages();
    expect(mails.map((mail) => mail.headers.get("x-flowdoctor-alert"))).toHaveLength(3);
    expect(
      mails.map((mail) => (mail.text?.match(/^(New problem|Regressed|Escalating): /gm) ?? []).length),
    ).toEqual([2, 2, 1]);
    for (const mail of mails) {
      expect(mail.messageId).toBe(`<alert.${mail.headers.get("x-flowdoctor-alert")}@flowdoctor>`);
      expect(mail.text).toContain(`Open: ${CONSOLE}/playground#/diagnosis?flow=${flow.id}`);
    }
    expect(mails[1]?.subject).toBe('[Flowdoctor] 2 alerts of "mail-digest": 2 new');

    const everything = [
      ...signed.received.map((request) => request.body),
      ...teams.received.map((request) => request.body),
      ...mails.map((mail) => `${mail.subject} ${mail.text}`),
    ].join("\n");
    expect(everything).toContain("Disk quota exceeded");
    expect(everything).not.toContain(PLANTED_SECRET);

    // Teams: hour 1 at once, then the two held in quiet hours as one card when they ended.
    expect(teams.received.map((request) => JSON.parse(request.body).sections.length)).toEqual([2, 2]);
    expect(JSON.parse(teams.received[0]?.body ?? "{}")).toMatchObject({
      "@type": "MessageCard",
      potentialAction: [{ "@type": "OpenUri", targets: [{ os: "default" }] }],
    });
  });

  it("raises an alert once when two gateways both lead at once (a lease that ran out mid-cycle)", async () => {
    await store.db.execute(sql`DELETE FROM inbox_leases`);
    // A lease of 0 ms runs out at once, so each gateway takes it whenever it asks.
    const eager = [store.db, second?.db ?? store.db].map((db, index) =>
      createWatcher({
        db,
        key: KEY,
        sources: sources[index] as WatchSources,
        holder: `eager-${index}`,
        leaseMs: 0,
        rules: RULES,
        now: () => at(hours),
      }),
    );
    const before = signed.received.length;
    const teamsBefore = teams.received.length;
    hours = 9;
    log("Request failed with status 403 Forbidden", 2, 9, "step_4");
    const reports = await Promise.all(eager.map((watcher) => watcher.runCycle()));
    for (const watcher of eager) await watcher.stop();
    expect(reports.map((report) => report.leader)).toEqual([true, true]);
    // hook-all, creds-only (a 403 is a credentials problem) and teams-night (not quiet at 09:00 UTC).
    expect(reports.flatMap((report) => report.alerts)).toHaveLength(3);
    await Promise.all([store.db, second?.db ?? store.db].map((db) => workerOn(db).drain()));
    expect(
      bodies(signed)
        .slice(before)
        .map((body) => body.ruleName)
        .sort(),
    ).toEqual(["creds-only", "hook-all"]);
    expect(teams.received.length - teamsBefore).toBe(1);
  });

  it("releases held alerts when their quiet hours end even while the platform is out of reach", async () => {
    await rule({
      name: "quiet-ten",
      events: ["NEW"],
      channel: "teams",
      quietHours: { start: "10:00", end: "11:00", timeZone: "UTC" },
    });
    await rule({ name: "teams-night", events: ["ESCALATING"], channel: "teams" });
    const before = teams.received.length;
    log("Component run out of memory and terminated", 1, 10, "step_5");
    expect(await cycle(10)).toHaveLength(2);
    expect(teams.received.length - before).toBe(0);
    const down = platformWatchSources({ baseUrl: "http://127.0.0.1:9" });
    const cut = createWatcher({
      db: store.db,
      key: KEY,
      sources: down,
      holder: "gateway-0",
      rules: RULES,
      now: () => at(11.5),
      onError: () => undefined,
    });
    try {
      const report = await cut.runCycle();
      expect(report.leader).toBe(true);
      expect(report.alerts).toHaveLength(1);
    } finally {
      await cut.stop();
      await down.close();
    }
    await workerOn(store.db).drain();
    expect(teams.received.length - before).toBe(1);
    expect(JSON.parse(teams.received.at(-1)?.body ?? "{}").sections[0].activityTitle).toMatch(
      /^New problem: Component run out of memory/,
    );
  });
});
