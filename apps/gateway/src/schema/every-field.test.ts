// Every field of the schema, end to end: each operation below selects every field reachable from its root (generated
// from schema.graphql, so a new field is covered without touching this file), runs against the demo emulator over
// HTTP as Alice, and must answer without errors. Then every field must have been selected, and must have produced a
// value (not null, not an empty list) somewhere, unless listed in NEVER_FILLED_IN_THE_DEMO with the reason.

import { randomBytes } from "node:crypto";
import { type SmtpSink, startSmtpSink, TINY_PNG } from "@flowdoctor/tickets/testing";
import { type GraphQLObjectType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";
import { liveClient, record, until } from "../testing/live-client.js";
import { rootSelection, printedSchema as schema } from "../testing/select-every-field.js";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

/** Fields the demo never fills, and why; each is still selected, and must answer without error. */
const NEVER_FILLED_IN_THE_DEMO: Readonly<Record<string, string>> = {
  "ErrorGroupStatus.resolvedFlowVersion":
    "the flow version a group was resolved under comes from the watcher's reading of the flows; the test gateway runs no watcher",
  "ErrorGroupStatus.regressedFlowVersion":
    "set by the watcher when a resolved group returns; the test gateway runs no watcher",
  "ErrorGroup.trend":
    "hourly counts come from the watcher; the test gateway runs no watcher (watcher-gateway.test.ts)",
  "ErrorGroupEvent.flowVersion":
    "the event seen here is a person's state change of a group no watcher has read, so no flow version is known",
  "StepQueue.bytes":
    "the documented stats/queues answer has no byte count; null until the platform reports one",
};

/** Room for documents that select every field. */
const BIG_LIMITS = {
  MAX_QUERY_COST: "10000000",
  MAX_QUERY_DEPTH: "100",
  MAX_QUERY_TOKENS: "1000000",
  MAX_COST_PER_MINUTE: "1000000000",
};

const DAY_MS = 86_400_000;
/** An ISO time relative to now, so the test never depends on today's date. */
const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

describe("every field of the schema, against the demo platform", () => {
  let env: EmulatorGateway;
  let sink: SmtpSink;
  let watched: TestGateway;
  const answered = new Set<string>();
  const filled = new Set<string>();

  /** Notes each `Type.field` in an answer, and whether it held a value. */
  const noteAnswer = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) noteAnswer(item);
      return;
    }
    if (!isRecord(value) || typeof value.__typename !== "string") return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "__typename") continue;
      const name = `${value.__typename}.${key}`;
      answered.add(name);
      if (child !== null && !(Array.isArray(child) && child.length === 0)) filled.add(name);
      noteAnswer(child);
    }
  };

  const run = async (
    root: "Query" | "Mutation",
    field: string,
    args = "",
    gateway = env.gateway,
    user = "alice",
  ) => {
    const { body } = await gateway.query(rootSelection(root, field, args), { headers: env.as(user) });
    expect(body.errors, `${root}.${field}${args}`).toBeUndefined();
    noteAnswer({ __typename: root, ...body.data });
    return body.data?.[field] as Record<string, unknown>;
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    env = await startEmulatorGateway({
      TICKET_DELIVERY: "smtp",
      SMTP_URL: sink.url,
      TICKET_MAX_ATTEMPTS: "1",
      ...BIG_LIMITS,
      TICKET_WORKER: "off",
    });
    // The inbox's watcher on Alice's first workspace, for the fields only it fills (hourly trends).
    const alice = env.emulator.users.find((user) => user.email.startsWith("alice@"));
    const workspaceId = env.emulator.scenario.flows.find((flow) => flow.userId === alice?.id)?.workspaceId;
    watched = await startTestGateway({
      PLATFORM_API_URL: env.emulator.url,
      INBOX_WATCH: `${workspaceId}=${alice?.email}:${alice?.apiKey}`,
      INBOX_SECRET_KEY: randomBytes(32).toString("base64"),
      INBOX_WATCH_INTERVAL_MS: "3600000",
      ...BIG_LIMITS,
    });
  });
  afterAll(async () => {
    await watched?.close();
    await env?.close();
    await sink?.stop();
  });

  it("answers every query with every field selected", async () => {
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const flows = env.emulator.scenario.flows.filter((flow) => flow.userId === alice?.id);
    const workspaceId = flows[0]?.workspaceId as string;
    const contractId = env.emulator.scenario.workspaces.find((ws) => ws.id === workspaceId)?.contractId;
    await run("Query", "me");
    await run("Query", "gateway");
    // Only a gateway that starts the emulator itself lists the demo logins.
    const embedded = await startTestGateway();
    await run("Query", "gateway", "", embedded).finally(() => embedded.close());
    await run("Query", "contracts");
    await run("Query", "contract", `(id: "${contractId}")`);
    await run("Query", "workspaces", `(contractId: "${contractId}")`);
    await run("Query", "workspace", `(id: "${workspaceId}")`);
    await run("Query", "flows", `(workspaceId: "${workspaceId}", first: 100)`);
    await run("Query", "logs", `(workspaceId: "${workspaceId}", first: 100)`);
    await run("Query", "logFile", `(workspaceId: "${workspaceId}", limit: 50)`);
    await run("Query", "errors", `(workspaceId: "${workspaceId}", first: 100)`);
    const groups = await run("Query", "errorGroups", `(workspaceId: "${workspaceId}", first: 100)`);
    const fingerprint = (groups.nodes as { fingerprint: string }[])[0]?.fingerprint;
    await run("Query", "errorGroup", `(workspaceId: "${workspaceId}", fingerprint: "${fingerprint}")`);
    await watched.watcher?.watcher.runCycle();
    await run("Query", "errorGroups", `(workspaceId: "${workspaceId}", first: 100)`, watched);
    // The one subscription, over WebSocket, sees the state change below.
    const client = liveClient(env.gateway.graphqlUrl, env.as("alice"));
    const events = record<Record<string, unknown>>(
      client,
      rootSelection(
        "Subscription",
        "errorGroupEvents",
        `(workspaceId: "${workspaceId}", kinds: [STATE_CHANGED])`,
      ),
    );
    await until(() => env.gateway.live.feed.subscriberCount() === 1, 10_000, "the subscription");
    await run(
      "Mutation",
      "setErrorGroupState",
      `(input: { workspaceId: "${workspaceId}", fingerprint: "${fingerprint}", state: SNOOZED, note: "waiting for the fix",
        snooze: { until: "${daysFromNow(1)}", occurrences: 10, rateCount: 5, rateHours: 1 } })`,
    );
    await until(() => events.results.length === 1, 10_000, "the state change's event");
    expect(events.results[0]?.errors).toBeUndefined();
    noteAnswer({ __typename: "Subscription", ...events.results[0]?.data });
    events.stop();
    await client.dispose();
    await run("Query", "classifyError", `(message: "Request failed with status code 401", statusCode: 401)`);
    await run("Query", "diagnoseWorkspace", `(workspaceId: "${workspaceId}", first: 100)`);
    for (const flow of flows) {
      await run("Query", "flow", `(id: "${flow.id}")`);
      await run("Query", "diagnoseFlow", `(flowId: "${flow.id}", options: { verifyCredentials: true })`);
    }
    // Root causes and flow health need weeks of rhythm and shared failures: their own scenarios, same logins.
    for (const scenario of ["rootcauses", "health"] as const) {
      const other = await startEmulatorGateway(
        { MAX_QUERY_COST: "10000000", MAX_QUERY_DEPTH: "100", MAX_COST_PER_MINUTE: "1000000000" },
        scenario,
      );
      try {
        const field = scenario === "rootcauses" ? "rootCauses" : "flowHealth";
        await run("Query", field, `(workspaceId: "${workspaceId}")`, other.gateway);
        // A contract's: Gina, a guest in its production workspace, has that one skipped.
        const contractId = env.emulator.scenario.workspaces.find((ws) => ws.id === workspaceId)?.contractId;
        if (field === "rootCauses")
          await run("Query", field, `(contractId: "${contractId}")`, other.gateway, "gina");
      } finally {
        await other.close();
      }
    }
  }, 300_000);

  it("answers every ticket mutation, and the ticket queries after a failed and a retried delivery, with every field selected", async () => {
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const flow = env.emulator.scenario.flows.find(
      (candidate) => candidate.userId === alice?.id && candidate.expected.length > 0,
    );
    // A component and credential of the flow's workspace: the gateway looks both up as Alice.
    const node = env.emulator.scenario.flows
      .filter((candidate) => candidate.workspaceId === flow?.workspaceId)
      .flatMap((candidate) => candidate.graph.nodes)
      .find((candidate) => typeof candidate.credentials_id === "string");
    const { body: diagnosed } = await env.gateway.query(
      `query($flowId: ID!) { diagnoseFlow(flowId: $flowId) { errorGroups { fingerprint } } }`,
      { headers: env.as("alice"), variables: { flowId: flow?.id } },
    );
    const diagnosis = diagnosed.data?.diagnoseFlow as { errorGroups: { fingerprint: string }[] } | undefined;
    const groups = diagnosis?.errorGroups ?? [];
    const fromGroup = `(flowId: "${flow?.id}", errorGroupId: "${groups[0]?.fingerprint}")`;
    const created = await run("Mutation", "createTicketFromDiagnosis", fromGroup);
    const id = (created.ticket as { id: string }).id;
    await run(
      "Mutation",
      "updateTicket",
      `(id: "${id}", input: { title: "Orders flow fails at the CRM step", priority: HIGH, isBlocker: true,
        blockerImpact: "No order reaches the CRM", deadline: "${daysFromNow(7)}", neededBy: "${daysFromNow(5)}",
        description: "Since yesterday the orders flow fails at step_2 with HTTP 401 although the credential was verified.",
        docsChecked: true, docsConsulted: ["Managing Flow Errors"], reproducible: false, involvesFlow: true,
        flowVersion: "latest", supportAccessGranted: true, stepsToReproduce: ["Start the flow", "Send one order"],
        otherIds: { stepId: "step_2", componentId: "${node?.component_id}", credentialId: "${node?.credentials_id}", containerId: "ct1", executionId: "e1", threadId: "t1" },
        errorReport: { source: EMAIL, text: "The flow failed", receivedAt: "${daysFromNow(-1)}" },
        stuckMessageEvidence: { flowSuspended: false, lastLogAtPerStep: [{ stepId: "step_2", at: "${daysFromNow(-1)}" }],
          containersRunning: [{ stepId: "step_2", running: true }] } })`,
    );
    await run(
      "Mutation",
      "addTimelineEvent",
      `(ticketId: "${id}", entry: { at: "${daysFromNow(-1)}", event: "The first order failed" })`,
    );
    await run(
      "Mutation",
      "addAttachment",
      `(input: { ticketId: "${id}", kind: SCREENSHOT, name: "errors-tab.png", base64: "${TINY_PNG.toString("base64")}" })`,
    );
    // Support's mail server is down for the only attempt, then back for the retry.
    await sink.stop();
    await run("Mutation", "submitTicket", `(id: "${id}", idempotencyKey: "every-field")`);
    expect(await env.gateway.tickets.worker.drain()).toBe(1);
    await run("Query", "ticket", `(id: "${id}")`);
    await sink.start();
    await run("Mutation", "retryTicketDelivery", `(id: "${id}")`);
    expect(await env.gateway.tickets.worker.drain()).toBe(1);
    expect(sink.count()).toBe(1);
    await run("Query", "ticket", `(id: "${id}")`);
    await run("Query", "tickets");
    await run("Query", "ticketPreview", `(id: "${id}")`);
    // The problem returns: the delivered ticket counts it and queues a follow-up; resolved, it reopens.
    await run("Mutation", "createTicketFromDiagnosis", fromGroup);
    await run("Mutation", "resolveTicket", `(id: "${id}", note: "credential renewed")`);
    const reopened = await run("Mutation", "createTicketFromDiagnosis", fromGroup);
    expect(reopened.outcome).toBe("REOPENED");
    expect(await env.gateway.tickets.worker.drain()).toBe(1);
    expect(sink.count()).toBe(2);

    const draft = await run("Mutation", "createTicketDraft", `(input: { title: "A second look" })`);
    const withLog = await run(
      "Mutation",
      "addAttachment",
      `(input: { ticketId: "${draft.id}", kind: LOG, name: "step_2.log", text: "error at step_2" })`,
    );
    const attachmentId = (withLog.attachments as { id: string }[])[0]?.id;
    await run("Mutation", "removeAttachment", `(id: "${attachmentId}")`);
    await run(
      "Mutation",
      "updateTicket",
      `(id: "${draft.id}", input: { description: "The CRM answers 401 for api_key=abc123secret" })`,
    );
    const preview = await run("Query", "ticketPreview", `(id: "${draft.id}")`);
    const fields = preview.fields as { field: string; marks: { id: string }[] }[];
    const markId = fields.find((field) => field.field === "description")?.marks[0]?.id;
    await run(
      "Mutation",
      "redactSpan",
      `(ticketId: "${draft.id}", input: { field: "description", from: 4, to: 7 })`,
    );
    await run("Mutation", "restoreRedaction", `(ticketId: "${draft.id}", redactionId: "${markId}")`);
    await run("Mutation", "cancelTicket", `(id: "${draft.id}", reason: "duplicate")`);
  }, 120_000);

  it("answers every alert query and mutation with every field selected", async () => {
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const workspaceId = env.emulator.scenario.flows.find((flow) => flow.userId === alice?.id)?.workspaceId;
    await run(
      "Mutation",
      "setAlertRule",
      `(input: { workspaceId: "${workspaceId}", name: "every field", events: [NEW, ESCALATING], levels: [PLATFORM],
        causes: [QUEUE_OVERFLOW], channel: "mail-folder", digestMinutes: 30,
        quietHours: { start: "22:00", end: "07:00", timeZone: "UTC" } })`,
    );
    await run("Query", "alertRules", `(workspaceId: "${workspaceId}")`);
    await run("Query", "alertChannels");
    await run("Mutation", "deleteAlertRule", `(workspaceId: "${workspaceId}", name: "every field")`);
  });

  it("has selected every field and seen each hold a value", () => {
    const everyField = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith("__"))
      .flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));
    expect(everyField.filter((field) => !answered.has(field))).toEqual([]);
    const empty = everyField.filter((field) => !filled.has(field) && !(field in NEVER_FILLED_IN_THE_DEMO));
    expect(empty).toEqual([]);
  });
});
