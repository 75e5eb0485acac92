import { REDACTION_MARKER, SECRET_EXAMPLES, SECRET_SHAPES } from "@flowdoctor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpChannel } from "../delivery/smtp-channel.js";
import { createOutboxWorker } from "../outbox/outbox-worker.js";
import { type SmtpSink, startSmtpSink } from "../testing/smtp-sink.js";
import { TEST_MESSAGE, testService } from "../testing/test-service.js";
import { openTestTicketDb, TEST_BACKENDS, type TestTicketDb } from "../testing/test-ticket-db.js";
import { ALICE, completeFields, GINA } from "../testing/ticket-fixtures.js";
import type { TicketError } from "../ticket-errors.js";
import type { TicketService } from "../ticket-service.js";

/** Every secret shape the redaction catalogue knows, with the kind its marks must name. */
const CATALOGUE = [
  ...SECRET_SHAPES.flatMap((shape) =>
    shape.examples.map((example) => ({ kind: shape.id, text: example.text })),
  ),
  ...SECRET_EXAMPLES.map((example) => ({ kind: example.kind, text: example.text })),
];

const problemsOf = (error: unknown) => (error as TicketError).extensions.problems;

describe("the preview's marks for every secret shape of the catalogue", () => {
  let database: TestTicketDb;
  let service: TicketService;
  beforeAll(async () => {
    database = await openTestTicketDb("pglite");
    service = testService(database.db);
  });
  afterAll(async () => database?.drop());

  it.each(CATALOGUE.map((example) => [example.kind, example.text] as const))(
    "marks the %s where it was redacted, in the file as delivered",
    async (kind, secret) => {
      const draft = await service.create(ALICE, {
        fields: { title: "Secret in the log", contractId: completeFields(new Date()).contractId },
        logs: `before\n${secret}\nafter\n`,
        logName: "step.log",
      });
      const { message, fields } = await service.markedPreview(ALICE, draft.id);
      const log = fields.find((field) => field.attachmentName === "step.log");
      expect(log?.marks.map((mark) => mark.kind)).toContain(kind);
      const delivered = message.attachments.find((file) => file.filename === "step.log");
      expect(delivered?.content.toString("utf8")).toBe(log?.text);
      for (const mark of log?.marks ?? []) {
        expect(log?.text.slice(mark.from, mark.to)).toBe(REDACTION_MARKER);
        if (mark.textFrom !== undefined)
          expect(message.text.slice(mark.textFrom, mark.textFrom + REDACTION_MARKER.length)).toBe(
            REDACTION_MARKER,
          );
      }
      expect(log?.marks).toHaveLength((log?.text.split(REDACTION_MARKER).length ?? 1) - 1);
    },
  );
});

describe.each(TEST_BACKENDS)("reviewing redactions on %s", (backend) => {
  let database: TestTicketDb;
  let service: TicketService;
  let sink: SmtpSink;
  let channel: ReturnType<typeof createSmtpChannel>;
  beforeAll(async () => {
    database = await openTestTicketDb(backend);
    service = testService(database.db, "smtp");
    sink = await startSmtpSink();
    channel = createSmtpChannel({ url: sink.url, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await channel?.close();
    await sink?.stop();
    await database?.drop();
  });

  const description =
    "The orders flow fails for customer Jane Roe: the CRM answers 401 for order token=ORDER-20261124 although api_key=abc123secret was verified.";

  it("restores a redaction marked wrong and redacts a span by hand: history, preview and delivered bytes agree", async () => {
    const draft = await service.create(ALICE, { fields: { ...completeFields(new Date()), description } });
    const before = await service.markedPreview(ALICE, draft.id);
    const field = before.fields.find((f) => f.field === "description");
    expect(field?.marks.map((mark) => mark.kind)).toEqual(["key-value", "key-value"]);
    expect(field?.text).toContain(`token=${REDACTION_MARKER}`);
    const token = field?.marks[0];
    const offset = field?.text.indexOf("Jane Roe") ?? -1;

    await service.restoreRedaction(ALICE, draft.id, token?.id as string);
    const restored = await service.markedPreview(ALICE, draft.id);
    const afterRestore = restored.fields.find((f) => f.field === "description");
    expect(afterRestore?.text).toContain("token=ORDER-20261124");
    expect(afterRestore?.marks).toHaveLength(1);
    expect(restored.message.text).toContain("token=ORDER-20261124");

    await service.redactSpan(ALICE, draft.id, { field: "description", from: offset, to: offset + 8 });
    const reviewed = await service.markedPreview(ALICE, draft.id);
    const final = reviewed.fields.find((f) => f.field === "description");
    expect(final?.text).toBe(
      `The orders flow fails for customer ${REDACTION_MARKER}: the CRM answers 401 for order token=ORDER-20261124 although api_key=${REDACTION_MARKER} was verified.`,
    );
    expect(final?.marks.map((mark) => mark.kind)).toEqual(["manual", "key-value"]);
    for (const mark of final?.marks ?? []) {
      expect(final?.text.slice(mark.from, mark.to)).toBe(REDACTION_MARKER);
      expect(reviewed.message.text.slice(mark.textFrom, (mark.textFrom ?? 0) + 10)).toBe(REDACTION_MARKER);
    }

    const view = await service.get(ALICE, draft.id);
    expect(view.history.map((h) => [h.status, h.actorUserId, h.note])).toEqual(
      expect.arrayContaining([
        [
          "REDACTION_RESTORED",
          "user-alice",
          expect.stringMatching(/^restored key-value in description at \d+$/),
        ],
        ["SPAN_REDACTED", "user-alice", `redacted manual in description at ${offset} by hand`],
      ]),
    );
    expect(view.history.map((h) => h.note).join(" ")).not.toMatch(/ORDER-2026|Jane Roe|abc123secret/);

    await service.submit(ALICE, draft.id, "review-1");
    await createOutboxWorker({ db: database.db, channel, message: TEST_MESSAGE }).drain();
    const mail = (await sink.messages()).at(-1);
    expect(mail?.text).toBe(reviewed.message.text);
    expect(mail?.text).toContain("token=ORDER-20261124");
    expect(mail?.text).not.toMatch(/Jane Roe|abc123secret/);
  });

  it("marks every free text: the blocker's impact, each step, each page consulted and the error report", async () => {
    const now = new Date();
    const draft = await service.create(ALICE, {
      fields: {
        ...completeFields(now),
        isBlocker: true,
        deadline: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
        blockerImpact: "Invoicing stops; the shared CRM login has password=Winter2026secret",
        stepsToReproduce: ["Open the orders flow", "Run it with api_key=abc123secret", "See the 401"],
        docsConsulted: ["Managing Flow Errors", "Credentials (client_secret=abcDEF123456xyz)"],
        errorReport: { source: "email", text: "Flow failed: token=ORDER-20261124 was rejected" },
      },
    });
    const preview = await service.markedPreview(ALICE, draft.id);
    const marked = (name: string) => preview.fields.find((field) => field.field === name);
    for (const name of ["blockerImpact", "stepsToReproduce.1", "docsConsulted.1", "errorReport.text"]) {
      const field = marked(name);
      expect({ name, kinds: field?.marks.map((mark) => mark.kind) }).toEqual({ name, kinds: ["key-value"] });
      for (const mark of field?.marks ?? []) {
        expect(field?.text.slice(mark.from, mark.to)).toBe(REDACTION_MARKER);
        expect(mark.textFrom).toBeDefined();
        expect(
          preview.message.text.slice(mark.textFrom, (mark.textFrom ?? 0) + REDACTION_MARKER.length),
        ).toBe(REDACTION_MARKER);
      }
    }
    expect(marked("stepsToReproduce.0")?.marks).toEqual([]);
    expect(preview.message.text).not.toMatch(/Winter2026secret|abc123secret|abcDEF123456xyz|ORDER-20261124/);

    await service.restoreRedaction(ALICE, draft.id, marked("stepsToReproduce.1")?.marks[0]?.id as string);
    const at = "Flow failed".length + 2;
    await service.redactSpan(ALICE, draft.id, { field: "errorReport.text", from: 0, to: at - 2 });
    const reviewed = await service.markedPreview(ALICE, draft.id);
    expect(reviewed.message.text).toContain("Run it with api_key=abc123secret");
    expect(reviewed.fields.find((field) => field.field === "errorReport.text")).toMatchObject({
      text: `${REDACTION_MARKER}: token=${REDACTION_MARKER} was rejected`,
      marks: [{ kind: "manual" }, { kind: "key-value" }],
    });

    // A shorter list replaces the old items' marks: none is left pointing past its end.
    await service.update(ALICE, draft.id, {
      stepsToReproduce: ["Open the orders flow with token=ABCDEF987654"],
    });
    const shortened = await service.markedPreview(ALICE, draft.id);
    const steps = shortened.fields.filter((field) => field.field.startsWith("stepsToReproduce."));
    expect(steps.map((field) => [field.field, field.marks.map((mark) => mark.kind)])).toEqual([
      ["stepsToReproduce.0", ["key-value"]],
    ]);
    const rows = (await service.get(ALICE, draft.id)).fields.stepsToReproduce;
    expect(rows).toEqual([`Open the orders flow with token=${REDACTION_MARKER}`]);
  });

  it("answers a wrong review with BAD_USER_INPUT naming the field, and refuses non-authors and submitted tickets", async () => {
    const draft = await service.create(ALICE, { fields: { ...completeFields(new Date()), description } });
    const fail = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(problemsOf(await fail(service.restoreRedaction(ALICE, draft.id, "nope")))).toEqual([
      expect.objectContaining({ path: "redactionId", code: "NOT_FOUND" }),
    ]);
    expect(
      problemsOf(await fail(service.redactSpan(ALICE, draft.id, { field: "flowId", from: 0, to: 2 }))),
    ).toEqual([expect.objectContaining({ path: "field", code: "INVALID_VALUE" })]);
    expect(
      problemsOf(await fail(service.redactSpan(ALICE, draft.id, { field: "description", from: 5, to: 5 }))),
    ).toEqual([expect.objectContaining({ path: "to", code: "INVALID_VALUE" })]);
    expect(
      problemsOf(await fail(service.redactSpan(ALICE, draft.id, { field: "title", from: -1, to: 3 }))),
    ).toEqual([expect.objectContaining({ path: "from", code: "INVALID_VALUE" })]);
    const preview = await service.markedPreview(ALICE, draft.id);
    const mark = preview.fields.find((f) => f.field === "description")?.marks[0];
    expect(await fail(service.restoreRedaction(GINA, draft.id, mark?.id as string))).toMatchObject({
      code: "FORBIDDEN",
    });
    await service.submit(ALICE, draft.id, "review-2");
    expect(problemsOf(await fail(service.restoreRedaction(ALICE, draft.id, mark?.id as string)))).toEqual([
      expect.objectContaining({ path: "id", code: "INVALID_VALUE" }),
    ]);
  });
});
