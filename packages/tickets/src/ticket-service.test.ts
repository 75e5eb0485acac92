import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testService } from "./testing/test-service.js";
import { openTestTicketDb, TEST_BACKENDS, type TestTicketDb } from "./testing/test-ticket-db.js";
import {
  ACME,
  ACME_COMPONENT,
  ACME_CREDENTIAL,
  ACME_FLOW,
  ACME_WORKSPACE,
  ALICE,
  accessFor,
  BOB,
  completeFields,
  GINA,
  GLOBEX,
  GUEST,
  hoursAgo,
  OUTSIDER,
  TINY_JPEG,
  TINY_PNG,
} from "./testing/ticket-fixtures.js";
import type { TicketService } from "./ticket-service.js";

interface Failure {
  code?: string;
  field?: string;
  message?: string;
  problems?: { path: string; code: string; message: string }[];
}
const failureOf = async (work: Promise<unknown>): Promise<Failure> => {
  try {
    await work;
  } catch (error) {
    const { extensions, message } = error as { extensions?: Failure; message?: string };
    return {
      code: extensions?.code as string,
      problems: extensions?.problems ?? [],
      ...(extensions?.field === undefined ? {} : { field: extensions.field }),
      ...(message === undefined ? {} : { message }),
    };
  }
  throw new Error("expected a failure");
};

const ACME_TWO = "64a000000000000000000002";
/** Alice as a member of Acme and a second contract, whose workspace the fixtures do not have. */
const accessForTwoContracts = <TValue>(work: (access: ReturnType<typeof accessFor>) => Promise<TValue>) =>
  work(accessFor("user-alice", [ACME, ACME_TWO]));

describe.each(TEST_BACKENDS)("tickets on %s", (backend) => {
  let database: TestTicketDb;
  let service: TicketService;
  const now = new Date();
  beforeAll(async () => {
    database = await openTestTicketDb(backend);
    service = testService(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const countRows = async (table: string) =>
    Number(
      (
        await database.withSession((s) => s.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))
      )[0]?.n,
    );

  it("creates a draft with any subset of fields and numbers it FD-<n>", async () => {
    const first = await service.create(ALICE, { fields: { title: "Flow stopped" } });
    const second = await service.create(ALICE, { fields: {} });
    expect(first.key).toMatch(/^FD-\d{4,}$/);
    expect(second.number).toBe(first.number + 1);
    expect(first.status).toBe("DRAFT");
    expect(first.contractId).toBeNull();
    expect(first.history.map((h) => h.status)).toEqual(["DRAFT"]);
  });

  it("runs the whole life cycle: draft, update, timeline, attachments, submit, one delivery job", async () => {
    const draft = await service.create(ALICE, {
      fields: { title: "Orders flow fails at the CRM step", contractId: ACME },
    });
    await service.update(ALICE, draft.id, { ...completeFields(now), title: undefined });
    await service.addTimelineEvent(ALICE, draft.id, { at: hoursAgo(now, 20), event: "First 401 in step_2" });
    const withShot = await service.addAttachment(ALICE, draft.id, {
      kind: "SCREENSHOT",
      name: "errors.png",
      base64: TINY_PNG.toString("base64"),
    });
    await service.addAttachment(ALICE, draft.id, {
      kind: "LOG",
      name: "step_2.log",
      text: "2026-11-24T10:00:00Z ERROR 401 password=hunter2\n",
    });
    const shot = withShot.attachments[0];
    expect(shot).toMatchObject({ kind: "SCREENSHOT", mediaType: "image/png", sizeBytes: TINY_PNG.length });
    const submitted = await service.submit(ALICE, draft.id, "key-1");
    expect(submitted.status).toBe("SUBMITTED");
    expect(submitted.delivery).toMatchObject({ status: "PENDING", attempts: 0, channel: "mail-folder" });
    expect(submitted.history.map((h) => h.status)).toEqual(["DRAFT", "SUBMITTED"]);
    expect(submitted.timeline).toHaveLength(1);
    const again = await service.submit(ALICE, draft.id, "key-1");
    expect(again.id).toBe(submitted.id);
    expect(await countRows(`ticket_outbox WHERE ticket_id = '${draft.id}'`)).toBe(1);
    const preview = await service.preview(GINA, draft.id);
    expect(preview.subject).toBe(`[${draft.key}] Orders flow fails at the CRM step`);
    expect(preview.text).toContain("step_2");
    expect(preview.text).not.toContain("hunter2");
    expect(preview.text).not.toContain("sk_live_abcdefghijklmnopqrstuvwx");
    expect(preview.attachments.map((a) => a.filename)).toEqual(["errors.png", "step_2.log"]);
    expect(await failureOf(service.update(ALICE, draft.id, { title: "Changed" }))).toMatchObject({
      code: "BAD_USER_INPUT",
    });
    expect(await failureOf(service.submit(ALICE, draft.id, "key-2"))).toMatchObject({
      code: "BAD_USER_INPUT",
    });
  });

  it("answers BAD_USER_INPUT with every missing or wrong field at once and changes nothing", async () => {
    const draft = await service.create(ALICE, { fields: { title: "Flow stopped", contractId: ACME } });
    const failure = await failureOf(service.submit(ALICE, draft.id, "k-missing"));
    expect(failure.code).toBe("BAD_USER_INPUT");
    const paths = failure.problems?.map((p) => p.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        "description",
        "workspaceId",
        "firstObservedAt",
        "docsChecked",
        "priority",
        "isBlocker",
      ]),
    );
    const after = await service.get(ALICE, draft.id);
    expect(after.status).toBe("DRAFT");
    expect(after.idempotencyKey).toBeNull();
    expect(after.delivery).toBeUndefined();
  });

  it("refuses bad input with a clear error and stores nothing half-way", async () => {
    const draft = await service.create(ALICE, { fields: { contractId: ACME } });
    const cases = [
      service.update(ALICE, draft.id, {
        title: "The flow fails. It started yesterday after the update. Please help us quickly.",
        firstObservedAt: new Date(now.getTime() + 86_400_000).toISOString(),
      }),
      service.addAttachment(ALICE, draft.id, {
        kind: "SCREENSHOT",
        name: "shot.png",
        base64: Buffer.from("GIF89a not an image").toString("base64"),
      }),
      service.addAttachment(ALICE, draft.id, { kind: "LOG", name: "bin.log", text: "ok\u0000\u0001binary" }),
      service.addAttachment(ALICE, draft.id, { kind: "ERROR_TEXT", name: "e.txt", text: "x".repeat(50_001) }),
      service.addTimelineEvent(ALICE, draft.id, { at: "yesterday", event: "it broke" }),
    ];
    const failures = await Promise.all(cases.map(failureOf));
    for (const failure of failures) expect(failure.code).toBe("BAD_USER_INPUT");
    expect(failures[0]?.problems?.map((p) => p.code)).toEqual(
      expect.arrayContaining(["TITLE_IS_DESCRIPTION", "IN_FUTURE"]),
    );
    expect(failures[1]?.problems?.[0]).toMatchObject({
      path: "attachment.base64",
      code: "UNSUPPORTED_MEDIA_TYPE",
    });
    expect(failures[2]?.problems?.[0]).toMatchObject({ code: "CONTROL_CHARACTER" });
    expect(failures[3]?.problems?.[0]).toMatchObject({ code: "TOO_LONG" });
    expect(failures[4]?.problems?.[0]?.path).toMatch(/^timeline\[0\]\.at$/);
    const after = await service.get(ALICE, draft.id);
    expect(after.fields.title).toBeUndefined();
    expect(after.attachments).toEqual([]);
    expect(after.timeline).toEqual([]);
  });

  it("gives an attachment's stored bytes back to members only: screenshots as sent, texts redacted", async () => {
    const draft = await service.create(ALICE, {
      fields: { contractId: ACME, workspaceId: ACME_WORKSPACE },
      logs: "ERROR step_2 401 api_key=abc123secret",
    });
    const withShot = await service.addAttachment(ALICE, draft.id, {
      kind: "SCREENSHOT",
      name: "a.jpg",
      base64: TINY_JPEG.toString("base64"),
    });
    const [log, shot] = withShot.attachments;
    expect((await service.attachmentContent(GINA, shot?.id as string)).equals(TINY_JPEG)).toBe(true);
    const text = (await service.attachmentContent(ALICE, log?.id as string)).toString("utf8");
    expect(text).toContain("ERROR step_2 401 api_key=");
    expect(text).not.toContain("abc123secret");
    for (const id of [log?.id as string, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(await failureOf(service.attachmentContent(BOB, id))).toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("accepts JPEG screenshots and removes attachments", async () => {
    const draft = await service.create(ALICE, { fields: {} });
    const withJpeg = await service.addAttachment(ALICE, draft.id, {
      kind: "SCREENSHOT",
      name: "a.jpg",
      base64: TINY_JPEG.toString("base64"),
    });
    const id = withJpeg.attachments[0]?.id as string;
    expect(withJpeg.attachments[0]?.mediaType).toBe("image/jpeg");
    expect((await service.removeAttachment(ALICE, id)).attachments).toEqual([]);
    expect(await failureOf(service.removeAttachment(ALICE, id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a ticket to its contract's members only; everyone else gets NOT_FOUND", async () => {
    const draft = await service.create(ALICE, { fields: { title: "Acme issue", contractId: ACME } });
    const own = await service.create(ALICE, { fields: { title: "No contract yet" } });
    expect((await service.get(GINA, draft.id)).id).toBe(draft.id);
    expect(await failureOf(service.get(BOB, draft.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(service.get(GINA, own.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(service.preview(BOB, draft.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(service.update(BOB, draft.id, { title: "mine now" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await failureOf(service.update(GINA, draft.id, { title: "mine now" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failureOf(service.create(BOB, { fields: { contractId: ACME } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await failureOf(service.get(ALICE, "not-a-uuid"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(service.get(ALICE, "00000000-0000-4000-8000-000000000000"))).toMatchObject({
      code: "NOT_FOUND",
    });
    const bobs = await service.list(BOB, { first: 50 });
    expect(bobs.nodes.every((t) => t.contractId === GLOBEX || t.ownerUserId === "user-bob")).toBe(true);
    const ginas = await service.list(GINA, { first: 50 });
    expect(ginas.nodes.map((t) => t.id)).toContain(draft.id);
    expect(ginas.nodes.map((t) => t.id)).not.toContain(own.id);
  });

  it("refuses another tenant's contract, workspace, flow, credential and component, naming the field, writing nothing", async () => {
    const globexWorkspace = "64b0000000000000000000a2";
    const globexFlow = "64b0000000000000000000f2";
    const before = await countRows("tickets");
    const refusals: [Record<string, unknown>, string][] = [
      [{ contractId: GLOBEX }, "contractId"],
      [{ workspaceId: globexWorkspace }, "workspaceId"],
      [{ contractId: ACME, flowId: globexFlow }, "flowId"],
      [{ otherIds: { credentialId: "64b0000000000000000000c2" } }, "otherIds.credentialId"],
      [{ otherIds: { componentId: "64b0000000000000000000d2" } }, "otherIds.componentId"],
    ];
    for (const [fields, field] of refusals) {
      const failure = await failureOf(service.create(ALICE, { fields, logs: "step_1 failed" }));
      expect(failure, field).toMatchObject({ code: "NOT_FOUND", field });
      expect(failure.message).toMatch(new RegExp(`^${field.replace(".", "\\.")}: `));
    }
    expect(await countRows("tickets")).toBe(before);
    const draft = await service.create(ALICE, { fields: { title: "Acme issue", contractId: ACME } });
    for (const [fields, field] of refusals) {
      expect(await failureOf(service.update(ALICE, draft.id, fields)), field).toMatchObject({
        code: "NOT_FOUND",
        field,
      });
    }
    expect((await service.get(ALICE, draft.id)).fields).toEqual({ title: "Acme issue", contractId: ACME });
  });

  it("takes its own tenant's ids, scopes a ticket about a flow to the flow's workspace, and refuses a mismatch", async () => {
    const draft = await service.create(ALICE, {
      fields: {
        contractId: ACME,
        flowId: ACME_FLOW,
        otherIds: { credentialId: ACME_CREDENTIAL, componentId: ACME_COMPONENT },
      },
    });
    expect(draft.fields.workspaceId).toBe(ACME_WORKSPACE);
    const cleared = await service.update(ALICE, draft.id, { workspaceId: null });
    expect(cleared.fields.workspaceId).toBe(ACME_WORKSPACE);
    const otherContract = await failureOf(
      service.create(ALICE, {
        fields: { contractId: "64a000000000000000000002", workspaceId: ACME_WORKSPACE },
      }),
    );
    expect(otherContract.code).toBe("NOT_FOUND");
    const mismatch = await failureOf(
      accessForTwoContracts((access) =>
        service.create(access, { fields: { contractId: ACME_TWO, workspaceId: ACME_WORKSPACE } }),
      ),
    );
    expect(mismatch).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(mismatch.problems?.map((p) => p.path)).toEqual(["workspaceId"]);
  });

  it("does not tell who owns someone else's attachment", async () => {
    const draft = await service.create(ALICE, { fields: { contractId: ACME }, logs: "step_1 failed" });
    const attachmentId = draft.attachments[0]?.id as string;
    const failure = await failureOf(service.removeAttachment(BOB, attachmentId));
    expect(failure.code).toBe("NOT_FOUND");
    expect(failure.message).toContain(attachmentId);
    expect(failure.message).not.toContain(draft.id);
    expect(failure.message).toMatch(/^Attachment /);
  });

  it("shows a ticket's log text only to those the platform lets read its workspace's logs", async () => {
    const draft = await service.create(ALICE, {
      fields: { title: "Orders fail", contractId: ACME, workspaceId: ACME_WORKSPACE, errorText: "HTTP 401" },
      logs: "ERROR step_2 401",
    });
    const withShot = await service.addAttachment(ALICE, draft.id, {
      kind: "SCREENSHOT",
      name: "logs-page.png",
      base64: TINY_PNG.toString("base64"),
    });
    const ids = withShot.attachments.map((attachment) => attachment.id);
    for (const reader of [ALICE, GINA]) {
      expect((await service.preview(reader, draft.id)).text).toContain("HTTP 401");
      for (const id of ids) expect((await service.attachmentContent(reader, id)).length).toBeGreaterThan(0);
    }
    expect((await service.get(GUEST, draft.id)).key).toBe(draft.key);
    expect(await failureOf(service.preview(GUEST, draft.id))).toMatchObject({ code: "FORBIDDEN" });
    for (const id of ids)
      expect(await failureOf(service.attachmentContent(GUEST, id))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("hides a ticket from contract members the platform does not show its workspace to", async () => {
    const draft = await service.create(ALICE, {
      fields: { title: "Workspace issue", contractId: ACME, workspaceId: ACME_WORKSPACE },
      logs: "ERROR step_2 401",
    });
    const contractWide = await service.create(ALICE, {
      fields: { title: "Contract issue", contractId: ACME },
    });
    expect(await failureOf(service.get(OUTSIDER, draft.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(service.preview(OUTSIDER, draft.id))).toMatchObject({ code: "NOT_FOUND" });
    const logId = draft.attachments[0]?.id as string;
    expect(await failureOf(service.attachmentContent(OUTSIDER, logId))).toMatchObject({ code: "NOT_FOUND" });
    const listed = (await service.list(OUTSIDER, { first: 100 })).nodes.map((ticket) => ticket.id);
    expect(listed).toContain(contractWide.id);
    expect(listed).not.toContain(draft.id);
    expect((await service.list(GUEST, { first: 100 })).nodes.map((ticket) => ticket.id)).toContain(draft.id);
  });

  it("shows the log text of a ticket that names no workspace to its author only", async () => {
    const draft = await service.create(ALICE, { fields: { contractId: ACME }, logs: "ERROR step_2 401" });
    const logId = draft.attachments[0]?.id as string;
    expect((await service.attachmentContent(ALICE, logId)).toString("utf8")).toContain("step_2");
    expect((await service.get(GINA, draft.id)).id).toBe(draft.id);
    expect(await failureOf(service.attachmentContent(GINA, logId))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failureOf(service.preview(GINA, draft.id))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages tickets newest first and filters by status", async () => {
    const page1 = await service.list(ALICE, { first: 2 });
    const page2 = await service.list(ALICE, { first: 2, after: page1.endCursor ?? "" });
    expect(page1.hasNextPage).toBe(true);
    expect(page1.nodes[0]?.number).toBeGreaterThan(page1.nodes[1]?.number ?? 0);
    expect(page2.nodes[0]?.number).toBeLessThan(page1.nodes[1]?.number ?? 0);
    const submitted = await service.list(ALICE, { first: 50, status: "SUBMITTED" });
    expect(submitted.nodes.length).toBeGreaterThan(0);
    expect(submitted.nodes.every((t) => t.status === "SUBMITTED")).toBe(true);
    expect(submitted.totalCount).toBe(submitted.nodes.length);
  });

  it("cancels drafts, and a cancelled ticket can neither change nor be submitted", async () => {
    const draft = await service.create(ALICE, { fields: completeFields(now) });
    const cancelled = await service.cancel(ALICE, draft.id, "duplicate");
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.history.map((h) => h.status)).toEqual(["DRAFT", "CANCELLED"]);
    expect(await failureOf(service.submit(ALICE, draft.id, "k-c"))).toMatchObject({ code: "BAD_USER_INPUT" });
  });

  it("gives the same ticket and one delivery job for concurrent submissions with one key", async () => {
    const draft = await service.create(ALICE, { fields: completeFields(now) });
    const results = await Promise.all([1, 2, 3].map(() => service.submit(ALICE, draft.id, "same-key")));
    expect(new Set(results.map((r) => r.id))).toEqual(new Set([draft.id]));
    expect(await countRows(`ticket_outbox WHERE ticket_id = '${draft.id}'`)).toBe(1);
  });
});
