import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf, type GraphQLBody } from "../../testing/test-gateway.js";

const TICKET_FIELDS = `id key status contractId workspaceId flowId errorText firstObservedAt cause troubleshootingLevel
  docsChecked priority timeline { at event } attachments { id kind name mediaType sizeBytes text }
  statusHistory { status } delivery { status attempts channel messageId lastError } missing { field question }`;

const FROM_DIAGNOSIS = `mutation($flowId: ID!) { createTicketFromDiagnosis(flowId: $flowId) { ticket { ${TICKET_FIELDS} } missing { field } } }`;

interface TicketAnswer {
  id: string;
  key: string;
  status: string;
  contractId: string | null;
  workspaceId: string | null;
  flowId: string | null;
  errorText: string | null;
  firstObservedAt: string | null;
  cause: string | null;
  timeline: { at: string; event: string }[];
  attachments: { id: string; kind: string; name: string; sizeBytes: number; text: string | null }[];
  statusHistory: { status: string }[];
  delivery: { status: string; attempts: number; messageId: string } | null;
  missing: { field: string }[];
}

const problemsOf = (body: GraphQLBody) =>
  (body.errors?.[0]?.extensions?.problems ?? []) as { path: string; code: string; message: string }[];

describe("ticket mutations and queries through the gateway", () => {
  let env: EmulatorGateway;
  let mailFolder: string;
  let ticket: TicketAnswer;
  const ask = async (user: string, query: string, variables: Record<string, unknown> = {}) =>
    (await env.gateway.query(query, { variables, headers: user === "" ? {} : env.as(user) })).body;

  beforeAll(async () => {
    mailFolder = await mkdtemp(join(tmpdir(), "fd-gw-mail-"));
    env = await startEmulatorGateway({ MAIL_FOLDER: mailFolder, TICKET_WORKER: "off" });
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const flow =
      env.emulator.scenario.flows.find(
        (candidate) => candidate.userId === alice?.id && candidate.expected[0]?.cause === "MAPPING",
      ) ??
      env.emulator.scenario.flows.find(
        (candidate) => candidate.userId === alice?.id && candidate.expected.length > 0,
      );
    const body = await ask("alice", FROM_DIAGNOSIS, { flowId: flow?.id });
    expect(body.errors).toBeUndefined();
    ticket = dataOf<{ ticket: TicketAnswer }>(body, "createTicketFromDiagnosis").ticket;
  }, 60_000);
  afterAll(async () => {
    await env?.close();
    await rm(mailFolder, { recursive: true, force: true });
  });

  it("fills a draft from the diagnosis: ids, error text, first-observed time, log, timeline and cause", () => {
    expect(ticket.status).toBe("DRAFT");
    expect(ticket.key).toMatch(/^FD-\d+$/);
    expect(ticket.contractId).toMatch(/^[0-9a-f]{24}$/);
    expect(ticket.workspaceId).toMatch(/^[0-9a-f]{24}$/);
    expect(ticket.flowId).toMatch(/^[0-9a-f]{24}$/);
    expect(ticket.errorText).toBeTruthy();
    expect(Date.parse(ticket.firstObservedAt ?? "")).toBeLessThan(Date.now());
    expect(ticket.cause).toBeTruthy();
    expect(ticket.timeline.length).toBeGreaterThan(0);
    const logs = ticket.attachments.filter((a) => a.kind === "LOG");
    expect(logs).toHaveLength(1);
    expect(Buffer.byteLength(logs[0]?.text ?? "")).toBe(logs[0]?.sizeBytes);
    expect(logs[0]?.text).toMatch(/step_\d/);
    expect(ticket.missing.map((m) => m.field)).not.toContain("workspaceId");
  });

  it("shows a guest of the workspace the ticket but not its log text, as the platform shows her no logs", async () => {
    const query = `query($id: ID!) { ticket(id: $id) { key title description errorText errorReport { text }
      attachments { kind name text base64 } } ticketPreview(id: $id) { text } }`;
    const guest = await ask("gina", query, { id: ticket.id });
    expect(guest.data?.ticketPreview).toBeNull();
    const seen = guest.data?.ticket as Record<string, unknown> & { attachments: Record<string, unknown>[] };
    expect(seen).toMatchObject({ key: ticket.key, description: null, errorText: null });
    expect(seen.attachments.map(({ kind, text, base64 }) => ({ kind, text, base64 }))).toEqual([
      { kind: "LOG", text: null, base64: null },
    ]);
    const refused = (guest.errors ?? []).map((error) => [error.path?.join("."), error.extensions?.code]);
    expect(refused).toEqual(
      expect.arrayContaining([
        ["ticket.description", "FORBIDDEN"],
        ["ticket.errorText", "FORBIDDEN"],
        ["ticket.attachments.0.text", "FORBIDDEN"],
        ["ticket.attachments.0.base64", "FORBIDDEN"],
        ["ticketPreview", "FORBIDDEN"],
      ]),
    );
    const logLine = ticket.attachments[0]?.text?.split("\n")[0] as string;
    expect(logLine.length).toBeGreaterThan(20);
    for (const secret of [logLine, ticket.errorText as string])
      expect(JSON.stringify(guest)).not.toContain(secret);
    const listed = await ask(
      "gina",
      `{ tickets(first: 100) { nodes { key errorText attachments { text } } } }`,
    );
    expect(JSON.stringify(listed.data)).not.toContain(ticket.errorText ?? "");
    const integrator = await ask("carl", query, { id: ticket.id });
    expect(integrator.errors).toBeUndefined();
    expect(integrator.data?.ticket).toMatchObject({ errorText: ticket.errorText });
    expect(JSON.stringify(integrator.data)).toContain(JSON.stringify(logLine).slice(1, -1));
  });

  it("hides a ticket about a workspace from contract members the platform does not show it to", async () => {
    const sandbox = env.emulator.scenario.workspaces.find((workspace) => workspace.name === "Acme Sandbox");
    const created = await ask(
      "alice",
      "mutation($input: CreateTicketDraftInput!) { createTicketDraft(input: $input) { id } }",
      { input: { title: "Sandbox flow fails", contractId: sandbox?.contractId, workspaceId: sandbox?.id } },
    );
    const id = dataOf<{ id: string }>(created, "createTicketDraft").id;
    const gina = await ask("gina", `query($id: ID!) { ticket(id: $id) { key } }`, { id });
    expect(gina.data?.ticket).toBeNull();
    expect(gina.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const ginas = await ask("gina", "{ tickets(first: 100) { nodes { id } } }");
    expect(dataOf<{ nodes: { id: string }[] }>(ginas, "tickets").nodes.map((node) => node.id)).not.toContain(
      id,
    );
    const carl = await ask("carl", `query($id: ID!) { ticket(id: $id) { id } }`, { id });
    expect(carl.data?.ticket).toEqual({ id });
  });

  it("refuses another tenant's workspace, flow and credential by field, and writes nothing", async () => {
    const bob = env.emulator.scenario.users.find((user) => user.email.startsWith("bob@"));
    const bobsFlow = env.emulator.scenario.flows.find((flow) => flow.userId === bob?.id);
    const bobsCredential = env.emulator.scenario.credentials.find(
      (c) => c.workspaceId === bobsFlow?.workspaceId,
    );
    const count = async () =>
      dataOf<{ totalCount: number }>(await ask("alice", "{ tickets { totalCount } }"), "tickets").totalCount;
    const before = await count();
    const create = "mutation($input: CreateTicketDraftInput!) { createTicketDraft(input: $input) { id } }";
    const cases: [Record<string, unknown>, string][] = [
      [{ workspaceId: bobsFlow?.workspaceId }, "workspaceId"],
      [{ flowId: bobsFlow?.id }, "flowId"],
      [{ otherIds: { credentialId: bobsCredential?.id } }, "otherIds.credentialId"],
    ];
    for (const [input, field] of cases) {
      const body = await ask("alice", create, { input: { title: "Foreign ids", logs: "x", ...input } });
      expect(body.data?.createTicketDraft ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field });
      expect(body.errors?.[0]?.message).toContain(`${field}: `);
      const update = await ask(
        "alice",
        "mutation($id: ID!, $input: TicketFieldsInput!) { updateTicket(id: $id, input: $input) { id } }",
        { id: ticket.id, input },
      );
      expect(update.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field });
    }
    expect(await count()).toBe(before);
    const stored = await ask("alice", `query($id: ID!) { ticket(id: $id) { workspaceId flowId } }`, {
      id: ticket.id,
    });
    expect(stored.data?.ticket).toEqual({ workspaceId: ticket.workspaceId, flowId: ticket.flowId });
  });

  it("answers NOT_FOUND for someone else's attachment without naming its ticket", async () => {
    const attachment = ticket.attachments[0];
    const body = await ask("bob", `mutation($id: ID!) { removeAttachment(id: $id) { id } }`, {
      id: attachment?.id,
    });
    expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(body.errors?.[0]?.message).toContain(attachment?.id);
    expect(JSON.stringify(body)).not.toContain(ticket.id);
  });

  it("refuses to submit with every missing field listed, then submits once and delivers to the mail folder", async () => {
    await ask(
      "alice",
      `mutation($id: ID!) { updateTicket(id: $id, input: { isBlocker: null, priority: null }) { id } }`,
      { id: ticket.id },
    );
    const refused = await ask(
      "alice",
      `mutation($id: ID!) { submitTicket(id: $id, idempotencyKey: "k1") { id } }`,
      { id: ticket.id },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(problemsOf(refused).map((p) => p.path)).toEqual(expect.arrayContaining(["priority", "isBlocker"]));
    const fill = `mutation($id: ID!) { updateTicket(id: $id, input: { priority: NORMAL, isBlocker: false, docsChecked: true, docsConsulted: ["Managing Flow Errors"],
      description: "The flow fails at the mapping step since yesterday; expected the orders to reach the CRM." }) { status } }`;
    expect((await ask("alice", fill, { id: ticket.id })).errors).toBeUndefined();
    const submit = `mutation($id: ID!) { submitTicket(id: $id, idempotencyKey: "k1") { ${TICKET_FIELDS} } }`;
    const first = await ask("alice", submit, { id: ticket.id });
    const second = await ask("alice", submit, { id: ticket.id });
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(dataOf<TicketAnswer>(first, "submitTicket").delivery).toMatchObject({
      status: "PENDING",
      attempts: 0,
    });
    expect(await env.gateway.tickets.worker.drain()).toBe(1);
    const after = dataOf<TicketAnswer>(
      await ask("alice", `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id: ticket.id }),
      "ticket",
    );
    expect(after.delivery).toMatchObject({ status: "DELIVERED", attempts: 1 });
    expect(after.statusHistory.map((s) => s.status)).toEqual(["DRAFT", "SUBMITTED", "DELIVERED"]);
    expect(await readdir(mailFolder)).toEqual([`${ticket.key}.eml`]);
  });

  it("previews the exact message and hides the ticket from non-members", async () => {
    const preview = await ask(
      "alice",
      `query($id: ID!) { ticketPreview(id: $id) { subject to messageId text attachments { filename } } }`,
      { id: ticket.id },
    );
    expect(preview.data?.ticketPreview).toMatchObject({
      to: "support@elastic.io",
      messageId: `<${ticket.key}.${ticket.id}@flowdoctor>`,
    });
    expect(dataOf<{ subject: string }>(preview, "ticketPreview").subject).toMatch(
      new RegExp(`^\\[${ticket.key}\\] `),
    );
    const bob = await ask("bob", `query($id: ID!) { ticket(id: $id) { id } }`, { id: ticket.id });
    expect(bob.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const bobsList = await ask("bob", "{ tickets { totalCount nodes { id } } }");
    expect(dataOf<{ nodes: { id: string }[] }>(bobsList, "tickets").nodes.map((n) => n.id)).not.toContain(
      ticket.id,
    );
    const gina = await ask("gina", `query($id: ID!) { ticket(id: $id) { key } }`, { id: ticket.id });
    expect(gina.data?.ticket).toEqual({ key: ticket.key });
    const anonymous = await ask("", `query($id: ID!) { ticket(id: $id) { id } }`, { id: ticket.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps the stuck-message checklist, checks it, and puts it in the message support gets", async () => {
    const created = await ask(
      "alice",
      `mutation { createTicketDraft(input: { title: "Orders stuck at the CRM step" }) { id } }`,
    );
    const id = dataOf<{ id: string }>(created, "createTicketDraft").id;
    const update = `mutation($id: ID!, $evidence: StuckMessageEvidenceInput) {
      updateTicket(id: $id, input: { stuckMessageEvidence: $evidence }) {
        stuckMessageEvidence { flowSuspended lastLogAtPerStep { stepId at } containersRunning { stepId running } } } }`;
    const evidence = {
      flowSuspended: false,
      lastLogAtPerStep: [
        { stepId: "step_1", at: "2026-11-24T10:00:00Z" },
        { stepId: "step_2", at: "2026-11-23T08:30:00Z" },
      ],
      containersRunning: [
        { stepId: "step_1", running: true },
        { stepId: "step_2", running: false },
      ],
    };
    const stored = await ask("alice", update, { id, evidence });
    expect(stored.errors).toBeUndefined();
    expect(dataOf<{ stuckMessageEvidence: unknown }>(stored, "updateTicket").stuckMessageEvidence).toEqual(
      evidence,
    );
    const future = {
      ...evidence,
      lastLogAtPerStep: [{ stepId: "step_2", at: new Date(Date.now() + 86_400_000).toISOString() }],
    };
    const refused = await ask("alice", update, { id, evidence: future });
    expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(problemsOf(refused).map((p) => p.path)).toEqual(["stuckMessageEvidence.lastLogAtPerStep.step_2"]);
    const preview = await ask("alice", `query($id: ID!) { ticketPreview(id: $id) { text } }`, { id });
    const text = dataOf<{ text: string }>(preview, "ticketPreview").text;
    expect(text).toContain("Stuck messages: the flow is not suspended");
    expect(text).toContain("step_2: last log 2026-11-23T08:30:00Z, container not running");
  });

  it("keeps the UI or e-mail error report, redacted, checked and in the message support gets", async () => {
    const created = await ask(
      "alice",
      `mutation { createTicketDraft(input: { title: "Payments flow stopped overnight" }) { id } }`,
    );
    const id = dataOf<{ id: string }>(created, "createTicketDraft").id;
    const report = `mutation($id: ID!, $report: TicketErrorReportInput) {
      updateTicket(id: $id, input: { errorReport: $report }) { errorReport { source text receivedAt } } }`;
    const text =
      'Your task "Payments" failed with error: Code: 401 Authorization: Bearer sk_live_abcdefghijklmnop1234';
    const saved = await ask("alice", report, {
      id,
      report: { source: "EMAIL", text, receivedAt: "2026-11-24T06:10:00+01:00" },
    });
    expect(saved.errors).toBeUndefined();
    const stored = dataOf<{ errorReport: { source: string; text: string } }>(
      saved,
      "updateTicket",
    ).errorReport;
    expect(stored.source).toBe("EMAIL");
    expect(stored.text).toContain('Your task "Payments" failed');
    expect(stored.text).not.toContain("sk_live_abcdefghijklmnop1234");
    const preview = await ask("alice", `query($id: ID!) { ticketPreview(id: $id) { text } }`, { id });
    expect(dataOf<{ text: string }>(preview, "ticketPreview").text).toContain('Your task "Payments" failed');
    const bad = await ask("alice", report, {
      id,
      report: { source: "UI", text: "x", receivedAt: "2026-11-24 06:10" },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(problemsOf(bad).map((p) => p.path)).toContain("errorReport.receivedAt");
  });

  it("focuses the draft on one error group by fingerprint, and says NOT_FOUND for an unknown one", async () => {
    const diagnosis = dataOf<{ errorGroups: { fingerprint: string; message: string; firstSeen: string }[] }>(
      await ask(
        "alice",
        `query($id: ID!) { diagnoseFlow(flowId: $id) { errorGroups { fingerprint message firstSeen } } }`,
        {
          id: ticket.flowId,
        },
      ),
      "diagnoseFlow",
    );
    const group = diagnosis.errorGroups.at(-1);
    expect(group).toBeDefined();
    const focused = await ask(
      "alice",
      `mutation($flow: ID!, $group: ID) { createTicketFromDiagnosis(flowId: $flow, errorGroupId: $group) { ticket { errorText firstObservedAt } } }`,
      {
        flow: ticket.flowId,
        group: group?.fingerprint,
      },
    );
    const answer = dataOf<{ ticket: { errorText: string; firstObservedAt: string } }>(
      focused,
      "createTicketFromDiagnosis",
    );
    expect(Date.parse(answer.ticket.firstObservedAt)).toBe(Date.parse(group?.firstSeen ?? ""));
    expect(answer.ticket.errorText.length).toBeGreaterThan(0);
    const unknown = await ask(
      "alice",
      `mutation($flow: ID!) { createTicketFromDiagnosis(flowId: $flow, errorGroupId: "nope") { ticket { id } } }`,
      {
        flow: ticket.flowId,
      },
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const bob = await ask(
      "bob",
      `mutation($flow: ID!) { createTicketFromDiagnosis(flowId: $flow) { ticket { id } } }`,
      { flow: ticket.flowId },
    );
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(bob.errors?.[0]?.extensions?.code);
  });

  it("answers bad attachments, timeline entries and unknown ids with clear errors", async () => {
    const draft = dataOf<{ id: string }>(
      await ask(
        "alice",
        `mutation { createTicketDraft(input: { title: "CRM step rejects orders" }) { id } }`,
      ),
      "createTicketDraft",
    );
    const notImage = await ask(
      "alice",
      `mutation($id: ID!) { addAttachment(input: { ticketId: $id, kind: SCREENSHOT, name: "x.png", base64: "aGVsbG8gd29ybGQ=" }) { id } }`,
      { id: draft.id },
    );
    expect(problemsOf(notImage)[0]).toMatchObject({
      path: "attachment.base64",
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const timeline = await ask(
      "alice",
      `mutation($id: ID!, $at: String!) { addTimelineEvent(ticketId: $id, entry: { at: $at, event: "x" }) { id } }`,
      { id: draft.id, at: future },
    );
    expect(problemsOf(timeline)[0]?.code).toBe("IN_FUTURE");
    const unknown = await ask(
      "alice",
      `mutation { removeAttachment(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const cancelled = await ask(
      "alice",
      `mutation($id: ID!) { cancelTicket(id: $id) { status attachments { id } timeline { at } } }`,
      { id: draft.id },
    );
    expect(cancelled.data?.cancelTicket).toEqual({ status: "CANCELLED", attachments: [], timeline: [] });
  });
});
