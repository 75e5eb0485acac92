import { randomBytes, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { startWebhookReceiver, type WebhookReceiver } from "@flowdoctor/tickets/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

const SECRET = `whsec_${randomBytes(32).toString("base64")}`;
const PUBLIC_URL = "https://flowdoctor.acme.example";

const SET = `mutation S($input: SetAlertRuleInput!) {
  setAlertRule(input: $input) { id name events levels causes channel digestMinutes quietHours { start end timeZone } createdBy updatedBy }
}`;
const RULES = "query R($ws: ID!) { alertRules(workspaceId: $ws) { name channel } }";
const DELETE =
  "mutation D($ws: ID!, $name: String!) { deleteAlertRule(workspaceId: $ws, name: $name) { name } }";

describe("alert rules over GraphQL, raised by the gateway's watcher", () => {
  let env: EmulatorGateway;
  let receiver: WebhookReceiver;
  let workspaceId: string;
  let aliceId: string;

  const set = (user: string, input: Record<string, unknown>) =>
    env.gateway.query(SET, { headers: env.as(user), variables: { input: { workspaceId, ...input } } });
  const rules = async () =>
    dataOf<{ name: string }[]>(
      (await env.gateway.query(RULES, { headers: env.as("alice"), variables: { ws: workspaceId } })).body,
      "alertRules",
    );

  beforeAll(async () => {
    receiver = await startWebhookReceiver(SECRET);
    const probe = await startEmulatorGateway();
    const alice = probe.emulator.users.find((user) => user.email.startsWith("alice@"));
    const workspace = probe.emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production");
    await probe.close();
    env = await startEmulatorGateway({
      ALERT_CHANNELS: JSON.stringify([
        { name: "ops-hook", kind: "WEBHOOK", url: receiver.url, secret: SECRET },
        { name: "ops-slack", kind: "SLACK", url: "https://hooks.slack.com/services/T0/B0/slacksecretpart" },
      ]),
      GATEWAY_PUBLIC_URL: PUBLIC_URL,
      INBOX_WATCH: `${workspace?.id}=${alice?.email}:${alice?.apiKey}`,
      INBOX_SECRET_KEY: randomBytes(32).toString("base64"),
      INBOX_WATCH_INTERVAL_MS: "3600000",
    });
    const { body } = await env.gateway.query("{ me { id } workspaces { nodes { id name } } }", {
      headers: env.as("alice"),
    });
    const data = body.data as { me: { id: string }; workspaces: { nodes: { id: string; name: string }[] } };
    aliceId = data.me.id;
    workspaceId = data.workspaces.nodes.find((node) => node.name === "Acme Production")?.id as string;
  });
  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  it("lists the configured channels by name and kind, never their targets or secrets", async () => {
    const { body } = await env.gateway.query("{ alertChannels { name kind } }", { headers: env.as("alice") });
    expect(dataOf(body, "alertChannels")).toEqual([
      { name: "ops-hook", kind: "WEBHOOK" },
      { name: "ops-slack", kind: "SLACK" },
    ]);
    const anonymous = await env.gateway.query("{ alertChannels { name } }");
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("sets a rule as setErrorGroupState is authorised, and refuses bad input naming the field, storing nothing", async () => {
    const { body } = await set("alice", {
      name: "production",
      events: ["NEW", "REGRESSED"],
      channel: "ops-hook",
      quietHours: { start: "22:00", end: "06:00", timeZone: "Europe/Berlin" },
    });
    expect(dataOf(body, "setAlertRule")).toMatchObject({
      name: "production",
      events: ["NEW", "REGRESSED"],
      levels: [],
      causes: [],
      channel: "ops-hook",
      digestMinutes: 0,
      quietHours: { start: "22:00", end: "06:00", timeZone: "Europe/Berlin" },
      createdBy: aliceId,
      updatedBy: aliceId,
    });
    const guest = await set("gina", { name: "mine", events: ["NEW"], channel: "ops-hook" });
    expect(guest.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const ssrf = await set("alice", { name: "x", events: ["NEW"], channel: "http://169.254.169.254/latest" });
    expect(ssrf.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "channel" });
    const zone = await set("alice", {
      name: "x",
      events: ["NEW"],
      channel: "ops-hook",
      quietHours: { start: "22:00", end: "06:00", timeZone: "Nowhere/Else" },
    });
    expect(zone.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "quietHours.timeZone",
    });
    expect(await rules()).toEqual([{ name: "production", channel: "ops-hook" }]);
  });

  it("delivers the watcher's alert to the signed webhook with a console link, then deletes the rule", async () => {
    // Quiet hours must not hold this one, whatever the machine's clock: set the rule without them.
    await set("alice", { name: "production", events: ["NEW"], channel: "ops-hook" });
    await env.gateway.watcher?.watcher.runCycle();
    const template = env.emulator.scenario.logs.find(
      (entry) => entry.workspace_id === workspaceId && entry.level >= 50,
    );
    env.emulator.appendLogs([
      {
        ...(template as NonNullable<typeof template>),
        id: randomUUID(),
        message: "connect ETIMEDOUT 10.1.2.3:5432",
        timestamp: new Date().toISOString(),
      },
    ]);
    const report = await env.gateway.watcher?.watcher.runCycle();
    expect(report?.alerts).toHaveLength(1);
    for (let waited = 0; receiver.received.length === 0 && waited < 10_000; waited += 50) await sleep(50);
    expect(
      env.gateway
        .logText()
        .split("\n")
        .filter((line) => line.includes("alert delivery")),
    ).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request?.verified).toBe(true);
    const alert = JSON.parse(request?.body ?? "{}");
    expect(alert).toMatchObject({ type: "inbox.alert", ruleName: "production", workspaceId });
    expect(alert.items.length).toBeGreaterThan(0);
    expect(alert.items[0].link).toMatch(
      new RegExp(
        `^${PUBLIC_URL}/playground#/diagnosis\\?flow=[0-9a-f]{24}&group=[0-9a-f]{16}&workspace=${workspaceId}$`,
      ),
    );
    expect(alert.deliveryId).toBe(request?.headers["webhook-id"]);

    expect(
      dataOf(
        await env.gateway
          .query(DELETE, { headers: env.as("alice"), variables: { ws: workspaceId, name: "production" } })
          .then((r) => r.body),
        "deleteAlertRule",
      ),
    ).toEqual({ name: "production" });
    const again = await env.gateway.query(DELETE, {
      headers: env.as("alice"),
      variables: { ws: workspaceId, name: "production" },
    });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "name" });
    expect(env.gateway.logText()).not.toContain(SECRET);
    expect(env.gateway.logText()).not.toContain("slacksecretpart");
    expect(env.gateway.logText()).not.toContain(receiver.url);
  });
});
