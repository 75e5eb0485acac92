import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlertChannel, createAlertChannel } from "../delivery/alert-channel.js";
import { readAlertChannels } from "../delivery/alert-channel-config.js";
import type { AlertMessage } from "../delivery/alert-message.js";
import { createSmtpChannel } from "../delivery/smtp-channel.js";
import { type SmtpSink, startSmtpSink } from "../testing/smtp-sink.js";
import { TEST_MESSAGE } from "../testing/test-service.js";
import { openTestTicketDb, TEST_BACKENDS, type TestTicketDb } from "../testing/test-ticket-db.js";
import { startWebhookReceiver, type WebhookReceiver } from "../testing/webhook-receiver.js";
import { enqueueAlertJob } from "./alert-jobs.js";
import { createOutboxWorker } from "./outbox-worker.js";

const SECRET = `whsec_${randomBytes(32).toString("base64")}`;

const ALERT: AlertMessage = {
  ruleId: "rule-1",
  ruleName: "Production problems",
  workspaceId: "ws-1",
  subject: "[Flowdoctor] New problem: connect ECONNREFUSED <ip>",
  items: [
    {
      eventId: "41",
      kind: "NEW",
      at: "2030-03-04T01:00:00.000Z",
      group: {
        workspaceId: "ws-1",
        fingerprint: "0123456789abcdef",
        flowId: "flow-1",
        stepId: "step_1",
        pattern: "connect ECONNREFUSED <ip> password=hunter2secret",
        cause: "SYSTEM_DOWNTIME",
        level: "INTEGRATION_LOGIC",
        count: 3,
        totalCount: 3,
        firstSeen: "2030-03-04T00:59:57.000Z",
        lastSeen: "2030-03-04T00:59:59.000Z",
        flowVersion: null,
      },
      summary: "The external system is unreachable, slow or failing. Check the external system's status.",
      link: "https://gateway.example/playground#/inbox?workspace=ws-1",
    },
  ],
  omitted: 0,
  createdAt: "2030-03-04T01:00:00.000Z",
};

describe.each(TEST_BACKENDS)("alert jobs in the outbox (%s)", (backend) => {
  let database: TestTicketDb;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let plain: WebhookReceiver;
  let channels: Map<string, AlertChannel>;

  beforeAll(async () => {
    database = await openTestTicketDb(backend);
    sink = await startSmtpSink();
    receiver = await startWebhookReceiver(SECRET);
    plain = await startWebhookReceiver();
    const problems: string[] = [];
    const configs = readAlertChannels(
      JSON.stringify([
        {
          name: "ops-mail",
          kind: "EMAIL",
          smtpUrl: sink.url,
          from: "alerts@acme.example",
          to: ["ops@acme.example"],
        },
        { name: "ops-hook", kind: "WEBHOOK", url: receiver.url, secret: SECRET },
        { name: "slack", kind: "SLACK", url: plain.url },
        { name: "teams", kind: "TEAMS", url: plain.url },
      ]),
      problems,
    );
    expect(problems).toEqual([]);
    channels = new Map(configs.map((config) => [config.name, createAlertChannel(config)]));
  });
  afterAll(async () => {
    for (const channel of channels?.values() ?? []) await channel.close();
    await receiver?.close();
    await plain?.close();
    await sink?.stop();
    await database?.drop();
  });

  const worker = () =>
    createOutboxWorker({
      db: database.db,
      channel: createSmtpChannel({ url: sink.url }),
      message: TEST_MESSAGE,
      alertChannels: channels,
      backoff: { baseMs: 20, maxMs: 50 },
    });

  it("queues one job per key and delivers it to each kind of channel with a stable delivery id, redacted", async () => {
    const ids = [];
    for (const channel of ["ops-mail", "ops-hook", "slack", "teams"]) {
      const first = await database.db.transaction((tx) =>
        enqueueAlertJob(tx, { jobKey: `alert:${channel}:41`, channel, message: ALERT }),
      );
      const again = await enqueueAlertJob(database.db, {
        jobKey: `alert:${channel}:41`,
        channel,
        message: ALERT,
      });
      expect(again).toBe(first);
      ids.push(first);
    }
    expect(await worker().drain()).toBe(4);
    expect(await worker().drain()).toBe(0);

    const [mail] = await sink.messages();
    expect(mail?.messageId).toBe(`<alert.${ids[0]}@flowdoctor>`);
    expect(mail?.headers.get("x-flowdoctor-alert")).toBe(ids[0]);
    expect(mail?.subject).toBe(ALERT.subject);
    expect(mail?.text).toContain("Cause: SYSTEM_DOWNTIME (INTEGRATION_LOGIC)");
    expect(mail?.text).toContain("Open: https://gateway.example/playground#/inbox?workspace=ws-1");
    expect(mail?.text).not.toContain("hunter2secret");

    expect(receiver.received).toHaveLength(1);
    const signed = receiver.received[0];
    expect(signed?.verified).toBe(true);
    expect(signed?.headers["webhook-id"]).toBe(ids[1]);
    expect(JSON.parse(signed?.body ?? "{}")).toMatchObject({
      type: "inbox.alert",
      deliveryId: ids[1],
      items: [{ kind: "NEW", group: { cause: "SYSTEM_DOWNTIME", fingerprint: "0123456789abcdef" } }],
    });
    expect(signed?.body).not.toContain("hunter2secret");

    const [slack, teams] = plain.received.map((request) => JSON.parse(request.body));
    expect(slack).toMatchObject({
      text: ALERT.subject,
      blocks: [
        { type: "header", text: { type: "plain_text" } },
        { type: "section", text: { type: "mrkdwn", text: expect.stringContaining("SYSTEM_DOWNTIME") } },
        { type: "context", elements: [{ type: "mrkdwn", text: expect.stringContaining(ids[2] as string) }] },
      ],
    });
    expect(teams).toMatchObject({
      "@type": "MessageCard",
      "@context": "https://schema.org/extensions",
      summary: ALERT.subject,
      sections: [
        { facts: expect.arrayContaining([{ name: "Cause", value: "SYSTEM_DOWNTIME (INTEGRATION_LOGIC)" }]) },
      ],
      potentialAction: [{ "@type": "OpenUri", targets: [{ os: "default", uri: ALERT.items[0]?.link }] }],
    });
    expect(JSON.stringify([slack, teams])).not.toContain("hunter2secret");
  });

  it("retries an alert its receiver refuses, with the same delivery id, until it is taken", async () => {
    plain.answerWith(503);
    const before = plain.received.length;
    const id = await enqueueAlertJob(database.db, {
      jobKey: "alert:retry",
      channel: "slack",
      message: ALERT,
    });
    const running = worker();
    await running.drain();
    plain.answerWith(204);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await running.drain();
    const attempts = plain.received.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts.map((request) => JSON.parse(request.body).blocks.at(-1).elements[0].text)).toEqual([
      expect.stringContaining(id),
      expect.stringContaining(id),
    ]);
  });
});

describe("reading ALERT_CHANNELS", () => {
  it("names the field of each problem and never echoes a URL or secret", () => {
    const problems: string[] = [];
    const channels = readAlertChannels(
      JSON.stringify([
        { name: "ok", kind: "SLACK", url: "https://hooks.slack.com/services/T1/B1/topsecretpath" },
        { name: "ok", kind: "TEAMS", url: "https://example.webhook.office.com/x" },
        { name: "hook", kind: "WEBHOOK", url: "ftp://user:pw@host/x", secret: "plainsecretvalue123" },
        { name: "mail", kind: "EMAIL", smtpUrl: "smtp://u:pw@mail:25", from: "a@b.c", to: [], cc: "x" },
        { name: "what", kind: "PAGER" },
      ]),
      problems,
    );
    expect(channels.map((channel) => channel.name)).toEqual(["ok"]);
    expect(problems).toEqual([
      'ALERT_CHANNELS[1].name "ok" is used by an earlier channel',
      "ALERT_CHANNELS[2].url must be a URL starting with https:// or http://",
      expect.stringMatching(/^ALERT_CHANNELS\[2\]\.secret must be whsec_/),
      "ALERT_CHANNELS[3].cc is not a field of a EMAIL channel",
      expect.stringMatching(/^ALERT_CHANNELS\[3\]\.to must be/),
      expect.stringMatching(/^ALERT_CHANNELS\[4\]\.kind must be one of EMAIL, WEBHOOK/),
    ]);
    const text = problems.join("\n");
    for (const secret of ["topsecretpath", "pw@", "plainsecretvalue123"]) expect(text).not.toContain(secret);
    readAlertChannels("[{ not json", problems);
    expect(problems.at(-1)).toBe('ALERT_CHANNELS must be a JSON array of channels ({ "name", "kind", … })');
  });
});
