import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf, type GraphQLBody } from "../../testing/test-gateway.js";

const FROM_GROUP = `mutation($flowId: ID!, $group: ID) { createTicketFromDiagnosis(flowId: $flowId, errorGroupId: $group) {
  outcome ticket { id key status fingerprints occurrences lastSeenAt reopened reopenedCount followUpCount
  occurrenceTimeline { fingerprint reopened } } } }`;

const PREVIEW = `query($id: ID!) { ticketPreview(id: $id) { text attachments { filename text }
  fields { field attachmentName text marks { id kind from to textFrom } } } }`;

interface PreviewAnswer {
  text: string;
  fields: {
    field: string;
    text: string;
    marks: { id: string | null; kind: string; from: number; to: number; textFrom: number | null }[];
  }[];
}

const errorOf = (body: GraphQLBody) =>
  body.errors?.[0]?.extensions as { code: string; problems?: { path: string; code: string }[] } | undefined;

describe("one ticket per problem and the redaction preview through the gateway", () => {
  let env: EmulatorGateway;
  let flowId: string;
  let fingerprint: string;
  const ask = async (user: string, query: string, variables: Record<string, unknown> = {}) =>
    (await env.gateway.query(query, { variables, headers: env.as(user) })).body;

  beforeAll(async () => {
    env = await startEmulatorGateway({ DATA_DIR: "memory://", TICKET_WORKER: "off" });
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    flowId = env.emulator.scenario.flows.find((f) => f.userId === alice?.id && f.expected.length > 0)
      ?.id as string;
    const diagnosed = await ask(
      "alice",
      "query($id: ID!) { diagnoseFlow(flowId: $id) { errorGroups { fingerprint } } }",
      {
        id: flowId,
      },
    );
    fingerprint = dataOf<{ errorGroups: { fingerprint: string }[] }>(diagnosed, "diagnoseFlow").errorGroups[0]
      ?.fingerprint as string;
  }, 60_000);
  afterAll(async () => env?.close());

  it("answers the open ticket of an error group instead of drafting a second one, and says so", async () => {
    const first = dataOf<{ outcome: string; ticket: { id: string; fingerprints: string[] } }>(
      await ask("alice", FROM_GROUP, { flowId, group: fingerprint }),
      "createTicketFromDiagnosis",
    );
    expect(first.outcome).toBe("CREATED");
    expect(first.ticket.fingerprints).toEqual([fingerprint]);
    const again = dataOf<{ outcome: string; ticket: Record<string, unknown> }>(
      await ask("alice", FROM_GROUP, { flowId, group: fingerprint }),
      "createTicketFromDiagnosis",
    );
    expect(again.outcome).toBe("ADDED_TO_OPEN");
    expect(again.ticket).toMatchObject({
      id: first.ticket.id,
      occurrences: 2,
      reopened: false,
      followUpCount: 0,
      occurrenceTimeline: [{ fingerprint, reopened: false }],
    });
    const excerpts = `query($id: ID!) { ticket(id: $id) { occurrenceTimeline { excerpt } } }`;
    const seen = await ask("alice", excerpts, { id: first.ticket.id });
    const [occurrence] = dataOf<{ occurrenceTimeline: { excerpt: string }[] }>(
      seen,
      "ticket",
    ).occurrenceTimeline;
    expect(occurrence?.excerpt).toMatch(/step_\d/);
    // A guest of the workspace reads no log text, so no excerpt either.
    const guest = await ask("gina", excerpts, { id: first.ticket.id });
    expect(guest.errors?.map((error) => [error.path?.join("."), error.extensions?.code])).toEqual([
      ["ticket.occurrenceTimeline.0.excerpt", "FORBIDDEN"],
    ]);
    const other = dataOf<{ outcome: string; ticket: { id: string } }>(
      await ask("alice", FROM_GROUP, { flowId }),
      "createTicketFromDiagnosis",
    );
    expect(other.outcome).toBe("CREATED");
    expect(other.ticket.id).not.toBe(first.ticket.id);
  });

  it("marks every redaction in the preview; restore and redact change it and the history, with field-naming errors", async () => {
    const created = await ask("alice", `mutation { createTicketDraft(input: { title: "Preview" }) { id } }`);
    const id = dataOf<{ id: string }>(created, "createTicketDraft").id;
    await ask(
      "alice",
      `mutation($id: ID!) { updateTicket(id: $id, input: { description: "Expected the order to reach the CRM at step_2, but order token=ORD-1 and password=hunter2 failed." }) { id } }`,
      {
        id,
      },
    );
    const answer = await ask("alice", PREVIEW, { id });
    const before = dataOf<PreviewAnswer>(answer, "ticketPreview");
    const description = before.fields.find((field) => field.field === "description");
    expect(description?.text).toBe(
      "Expected the order to reach the CRM at step_2, but order token=[REDACTED] and password=[REDACTED] failed.",
    );
    expect(description?.marks.map((mark) => [mark.kind, mark.from, mark.to])).toEqual([
      ["key-value", 63, 73],
      ["key-value", 87, 97],
    ]);
    for (const mark of description?.marks ?? [])
      expect(before.text.slice(mark.textFrom ?? -1, (mark.textFrom ?? -1) + 10)).toBe("[REDACTED]");

    const restore = `mutation($id: ID!, $mark: ID!) { restoreRedaction(ticketId: $id, redactionId: $mark) { statusHistory { status note } } }`;
    const restored = await ask("alice", restore, { id, mark: description?.marks[0]?.id });
    expect(restored.errors).toBeUndefined();
    const redact = `mutation($id: ID!, $input: RedactSpanInput!) { redactSpan(ticketId: $id, input: $input) { statusHistory { status note } } }`;
    const redacted = await ask("alice", redact, { id, input: { field: "description", from: 0, to: 8 } });
    expect(
      dataOf<{ statusHistory: { status: string; note: string }[] }>(
        redacted,
        "redactSpan",
      ).statusHistory.slice(-2),
    ).toEqual([
      { status: "REDACTION_RESTORED", note: "restored key-value in description at 63" },
      { status: "SPAN_REDACTED", note: "redacted manual in description at 0 by hand" },
    ]);
    const after = dataOf<PreviewAnswer>(await ask("alice", PREVIEW, { id }), "ticketPreview");
    const field = after.fields.find((f) => f.field === "description");
    expect(field?.text).toBe(
      "[REDACTED] the order to reach the CRM at step_2, but order token=ORD-1 and password=[REDACTED] failed.",
    );
    expect(field?.marks.map((mark) => mark.kind)).toEqual(["manual", "key-value"]);
    expect(after.text).toContain(
      "[REDACTED] the order to reach the CRM at step_2, but order token=ORD-1 and password=[REDACTED] failed.",
    );

    expect(errorOf(await ask("alice", restore, { id, mark: "nope" }))).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "redactionId", code: "NOT_FOUND" }],
    });
    expect(
      errorOf(await ask("alice", redact, { id, input: { field: "nope", from: 0, to: 1 } })),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "field", code: "INVALID_VALUE" }],
    });
    expect(
      errorOf(await ask("alice", redact, { id, input: { field: "description", from: 3, to: 999 } })),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "to", code: "INVALID_VALUE" }],
    });
    expect(
      errorOf(await ask("alice", `mutation($id: ID!) { resolveTicket(id: $id) { id } }`, { id })),
    ).toMatchObject({
      code: "BAD_USER_INPUT",
      problems: [{ path: "id", code: "INVALID_VALUE" }],
    });
  });
});
