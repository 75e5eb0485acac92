// Nothing secret leaves the gateway: secrets of every shape redaction knows (PLANTED) are planted into the platform's
// logs, flows, steps and credentials and into every ticket field, then every way out is read back: the GraphQL
// answer of every query and mutation with every field selected (generated from schema.graphql), the .log file, the
// ticket preview, the .eml file, the SMTP message, the webhook body and the gateway's own log lines. None may hold a
// planted secret.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REDACTION_MARKER, redactSecrets, TICKET_LIMITS } from "@flowdoctor/core";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import type { DeliveryChannel } from "@flowdoctor/tickets";
import {
  createMailFolderChannel,
  createOutboxWorker,
  createSmtpChannel,
  createWebhookChannel,
} from "@flowdoctor/tickets";
import { type SmtpSink, startSmtpSink, TEST_MESSAGE, TINY_PNG } from "@flowdoctor/tickets/testing";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "./testing/emulator-gateway.js";
import {
  ALL_PLANTED,
  leaksIn,
  PLANTED,
  PLANTED_LINES,
  PLANTED_TOKENS,
  packed,
  secretPartsOf,
  stringsOf,
} from "./testing/planted-secrets.js";
import {
  SECRET_CREDENTIAL_FLOW,
  SECRET_DOWNTIME_FLOW,
  SECRET_SCENARIO_USER,
  SECRET_SCENARIO_WORKSPACE,
  secretScenario,
} from "./testing/secret-scenario.js";
import { rootSelection } from "./testing/select-every-field.js";
import { dataOf, type GraphQLBody, startTestGateway, type TestGateway } from "./testing/test-gateway.js";

const DAY_MS = 86_400_000;
/** An ISO time relative to now, so the test never depends on today's date. */
const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();

/** A GraphQL string literal. */
const literal = (text: string): string => JSON.stringify(text);
/** A GraphQL list of string literals. */
const list = (texts: readonly string[]): string => `[${texts.map(literal).join(", ")}]`;
/** The planted single tokens, taken in turn, for fields that hold one id or one file name each. */
const token = (index: number, fits: (text: string) => boolean = () => true): string => {
  const fitting = PLANTED_TOKENS.filter(fits);
  return fitting[index % fitting.length] ?? "none";
};
const NAME_SAFE = (text: string) => !/[/\\]/.test(text) && text.length <= 200;
const ID_SAFE = (text: string) => text.length <= TICKET_LIMITS.idMaxLength;
/** The items in runs of at most `size`. */
const runs = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

// Ticket fields are validated (core's validateTicket: lengths, single lines), so the planted examples are spread over
// the fields that take them, in several updates of the same ticket where one field cannot hold them all. Every
// example goes into description, errorText, errorReport.text, the timeline and both text attachments; these also
// go to the fields with a limit as far as each allows:
const EXAMPLES = PLANTED.map((secret) => secret.example);
const TITLE_PREFIX = "Supplier orders fail ";
/** Titles are one line of at most 120 characters: the planted tokens that fit after the prefix. */
const TITLE_SAFE = (text: string) => TITLE_PREFIX.length + text.length <= TICKET_LIMITS.titleMaxLength;
/** Steps to reproduce: one example per step (multi-line ones too), at most 50 steps per update. */
const STEP_RUNS = runs(EXAMPLES, TICKET_LIMITS.stepsToReproduceMaxItems);
/**
 * Documentation pages are single lines of at most 500 characters, 20 per ticket: the examples without a line
 * break (all but the PEM private keys and the YAML one), several to a page.
 */
const DOC_RUNS = runs(
  packed(PLANTED_LINES, TICKET_LIMITS.docPageMaxLength),
  TICKET_LIMITS.docsConsultedMaxItems,
);
/** The blocker impact holds at most 5,000 characters: the examples in pieces. */
const IMPACTS = packed(EXAMPLES, TICKET_LIMITS.blockerImpactMaxLength);
/** Timeline events hold at most 2,000 characters each: the examples in pieces, one event each. */
const EVENTS = packed(EXAMPLES, TICKET_LIMITS.timelineEventMaxLength);
const UPDATES = Math.max(STEP_RUNS.length, DOC_RUNS.length, IMPACTS.length);

const startWebhookReceiver = async () => {
  const bodies: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      bodies.push(Buffer.concat(chunks).toString("utf8"));
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tickets`;
  return { url, bodies, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/** Every text of a parsed e-mail: headers, bodies, attachment names and the content of text attachments. */
const textsOfMail = (mail: ParsedMail): string[] => [
  ...[...mail.headers.values()].flatMap((value) => stringsOf(JSON.parse(JSON.stringify(value)))),
  mail.subject ?? "",
  mail.text ?? "",
  typeof mail.html === "string" ? mail.html : "",
  ...mail.attachments.flatMap((file) => [
    file.filename ?? "",
    file.contentType.startsWith("text/") ? file.content.toString("utf8") : "",
  ]),
];

/** A webhook body's texts, with each attachment's base64 decoded. */
const textsOfWebhook = (body: string): string[] => [body, ...stringsOf(JSON.parse(body))];

describe("no planted secret leaves the gateway, by any way out", () => {
  let emulator: Emulator;
  let gateway: TestGateway;
  let sink: SmtpSink;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let mailFolder: string;
  const headers = { authorization: basic(SECRET_SCENARIO_USER.email, SECRET_SCENARIO_USER.apiKey) };

  const ask = async (operation: string): Promise<GraphQLBody> =>
    (await gateway.query(operation, { headers })).body;
  /** Runs one root field with every field selected; answers its leaks and its data. */
  const every = async (root: "Query" | "Mutation", field: string, args = "") => {
    const body = await ask(rootSelection(root, field, args));
    return { leaks: leaksIn(`${root}.${field}`, stringsOf(body)), body };
  };

  beforeAll(async () => {
    mailFolder = await mkdtemp(join(tmpdir(), "fd-leaks-mail-"));
    sink = await startSmtpSink();
    webhook = await startWebhookReceiver();
    emulator = await createEmulator({ scenario: secretScenario() });
    gateway = await startTestGateway({
      PLATFORM_API_URL: emulator.url,
      MAIL_FOLDER: mailFolder,
      TICKET_WORKER: "off",
      MAX_QUERY_COST: "10000000",
      MAX_QUERY_DEPTH: "100",
      MAX_QUERY_TOKENS: "1000000",
      MAX_COST_PER_MINUTE: "1000000000",
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
    await sink?.stop();
    await webhook?.close();
    await rm(mailFolder, { recursive: true, force: true });
  });

  it("plants secrets that redaction masks, and the platform really serves them", async () => {
    // What is looked for is there in each example and gone once redacted, alone or among all the others.
    const allRedacted = redactSecrets(ALL_PLANTED);
    for (const [index, secret] of PLANTED.entries()) {
      const parts = secretPartsOf(secret.example);
      expect(parts, `${secret.id} #${index}`).not.toEqual([]);
      expect(secret.redacted, `${secret.id} #${index}`).toContain(REDACTION_MARKER);
      for (const part of parts) {
        expect(secret.redacted, `${secret.id} #${index}`).not.toContain(part);
        expect(allRedacted, `${secret.id} #${index}`).not.toContain(part);
      }
    }
    const response = await fetch(
      `${emulator.url}/v2/logs?workspace_id=${SECRET_SCENARIO_WORKSPACE}&limit=100`,
      { headers },
    );
    // The answer's strings too: in its JSON, the line breaks of multi-line examples (private keys) are escaped.
    const text = await response.text();
    const served = [text, ...stringsOf(JSON.parse(text))];
    expect(leaksIn("platform", served)).toHaveLength(PLANTED.length);
  });

  it("answers every query, every field selected, without a planted secret", async () => {
    const leaks: string[] = [];
    const workspace = `workspaceId: "${SECRET_SCENARIO_WORKSPACE}"`;
    const run = async (root: "Query" | "Mutation", field: string, args = "") => {
      const answer = await every(root, field, args);
      expect(answer.body.errors, `${field}${args}`).toBeUndefined();
      leaks.push(...answer.leaks);
      return answer.body.data?.[field] as Record<string, unknown>;
    };
    await run("Query", "me");
    await run("Query", "gateway");
    await run("Query", "contracts");
    await run("Query", "workspaces");
    await run("Query", "workspace", `(id: "${SECRET_SCENARIO_WORKSPACE}")`);
    await run("Query", "flows", `(${workspace}, first: 100)`);
    await run("Query", "logs", `(${workspace}, first: 100)`);
    const file = await run("Query", "logFile", `(${workspace}, limit: 1000)`);
    expect(file.entryCount).toBeGreaterThan(0);
    await run("Query", "errors", `(${workspace}, first: 100)`);
    const groups = await run("Query", "errorGroups", `(${workspace}, first: 100)`);
    for (const group of groups.nodes as { fingerprint: string }[]) {
      await run("Query", "errorGroup", `(${workspace}, fingerprint: "${group.fingerprint}")`);
    }
    await run("Query", "classifyError", `(message: ${literal(ALL_PLANTED)}, stack: ${literal(ALL_PLANTED)})`);
    await run("Query", "diagnoseWorkspace", `(${workspace}, first: 100)`);
    for (const flowId of [SECRET_CREDENTIAL_FLOW, SECRET_DOWNTIME_FLOW]) {
      await run("Query", "flow", `(id: "${flowId}")`);
      const options = "options: { verifyCredentials: true, probeEndpoints: true }";
      const diagnosis = await run("Query", "diagnoseFlow", `(flowId: "${flowId}", ${options})`);
      if (flowId === SECRET_DOWNTIME_FLOW) {
        // The probe's finding quotes the endpoint's URL, password included, before redaction.
        const findings = diagnosis.findings as { title: string; detail: string }[];
        expect(findings.map((finding) => finding.title)).toContain("Endpoint not probed");
      }
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  /** A ticket from the diagnosis with every field, the timeline and attachments full of planted secrets. */
  const fillTicket = async (leaks: string[]): Promise<string> => {
    const created = await every(
      "Mutation",
      "createTicketFromDiagnosis",
      `(flowId: "${SECRET_CREDENTIAL_FLOW}")`,
    );
    expect(created.body.errors).toBeUndefined();
    leaks.push(...created.leaks);
    const { id } = dataOf<{ ticket: { id: string } }>(created.body, "createTicketFromDiagnosis").ticket;
    const update = (round: number) => {
      const ids = [0, 1, 2, 3].map((slot) => literal(token(round * 4 + slot, ID_SAFE)));
      const first = round === 0;
      return `updateTicket(id: "${id}", input: {
        title: ${literal(`${TITLE_PREFIX}${token(round, TITLE_SAFE)}`)},
        ${first ? `description: ${literal(`Since yesterday every supplier order fails at step_2 with HTTP 401. ${ALL_PLANTED}`)},` : ""}
        ${first ? `errorText: ${literal(ALL_PLANTED)}, priority: HIGH, isBlocker: true,` : ""}
        blockerImpact: ${literal(IMPACTS[round % IMPACTS.length] ?? "")},
        ${first ? `deadline: "${daysFromNow(7)}", neededBy: "${daysFromNow(5)}", docsChecked: true, reproducible: false,` : ""}
        docsConsulted: ${list(DOC_RUNS[round % DOC_RUNS.length] ?? [])},
        stepsToReproduce: ${list(STEP_RUNS[round % STEP_RUNS.length] ?? [])}, supportAccessGranted: true,
        otherIds: { executionId: ${ids[0]}, threadId: ${ids[1]}, stepId: ${ids[2]}, containerId: ${ids[3]} },
        ${first ? `errorReport: { source: EMAIL, text: ${literal(ALL_PLANTED)}, receivedAt: "${daysFromNow(-1)}" }` : ""} })`;
    };
    const changes = [
      ...Array.from({ length: UPDATES }, (_, round) => update(round)),
      ...EVENTS.map(
        (event) =>
          `addTimelineEvent(ticketId: "${id}", entry: { at: "${daysFromNow(-1)}", event: ${literal(event)} })`,
      ),
      `addAttachment(input: { ticketId: "${id}", kind: LOG, name: ${literal(`${token(0, NAME_SAFE)}.log`)},
        text: ${literal(ALL_PLANTED)} })`,
      `addAttachment(input: { ticketId: "${id}", kind: ERROR_TEXT, name: ${literal(`${token(1, NAME_SAFE)}.txt`)},
        text: ${literal(ALL_PLANTED)} })`,
      `addAttachment(input: { ticketId: "${id}", kind: SCREENSHOT, name: ${literal(`${token(2, NAME_SAFE)}.png`)},
        base64: "${TINY_PNG.toString("base64")}" })`,
    ];
    for (const change of changes) {
      const [field = "", args = ""] = /^(\w+)([\s\S]*)$/.exec(change)?.slice(1) ?? [];
      const answer = await every("Mutation", field, args);
      expect(answer.body.errors, field).toBeUndefined();
      leaks.push(...answer.leaks);
    }
    return id;
  };

  const submit = async (id: string, key: string, leaks: string[]) => {
    const answer = await every("Mutation", "submitTicket", `(id: "${id}", idempotencyKey: "${key}")`);
    expect(answer.body.errors, "submitTicket").toBeUndefined();
    leaks.push(...answer.leaks);
  };

  const deliverWith = async (channel: DeliveryChannel): Promise<void> => {
    const worker = createOutboxWorker({
      db: gateway.tickets.database.db,
      channel,
      message: TEST_MESSAGE,
      backoff: { baseMs: 10 },
    });
    expect(await worker.drain()).toBe(1);
    await channel.close();
  };

  it("answers every ticket mutation and query, and the preview, without a planted secret", async () => {
    const leaks: string[] = [];
    const id = await fillTicket(leaks);
    for (const [field, args] of [
      ["ticket", `(id: "${id}")`],
      ["tickets", ""],
      ["ticketPreview", `(id: "${id}")`],
    ] as const) {
      const answer = await every("Query", field, args);
      expect(answer.body.errors, field).toBeUndefined();
      leaks.push(...answer.leaks);
    }
    const draft = await every("Mutation", "createTicketDraft", `(input: { title: "Another look" })`);
    const draftId = dataOf<{ id: string }>(draft.body, "createTicketDraft").id;
    const cancelled = await every(
      "Mutation",
      "cancelTicket",
      `(id: "${draftId}", reason: ${literal(ALL_PLANTED)})`,
    );
    expect(cancelled.body.errors).toBeUndefined();
    leaks.push(...draft.leaks, ...cancelled.leaks);
    expect(leaks).toEqual([]);
  }, 120_000);

  it("writes the .eml file, sends the SMTP message and posts the webhook without a planted secret", async () => {
    const leaks: string[] = [];
    const channels: [string, DeliveryChannel][] = [
      ["mail folder", createMailFolderChannel(mailFolder)],
      ["smtp", createSmtpChannel({ url: sink.url })],
      ["webhook", createWebhookChannel({ url: webhook.url, secret: "hook-secret" })],
    ];
    for (const [name, channel] of channels) {
      await submit(await fillTicket(leaks), `leaks-${name}`, leaks);
      await deliverWith(channel);
    }
    const files = (await readdir(mailFolder)).filter((file) => file.endsWith(".eml"));
    expect(files).toHaveLength(1);
    for (const file of files) {
      const raw = await readFile(join(mailFolder, file));
      leaks.push(...leaksIn(`.eml ${file}`, textsOfMail(await simpleParser(raw))));
    }
    const messages = await sink.messages();
    expect(messages).toHaveLength(1);
    for (const message of messages) leaks.push(...leaksIn("SMTP message", textsOfMail(message)));
    expect(webhook.bodies).toHaveLength(1);
    for (const body of webhook.bodies) leaks.push(...leaksIn("webhook body", textsOfWebhook(body)));
    expect(leaks).toEqual([]);
  }, 120_000);

  it("keeps planted secrets out of its own log, also when storing a ticket fails", async () => {
    const leaks: string[] = [];
    const draft = await ask(`mutation { createTicketDraft(input: { title: "Broken on purpose" }) { id } }`);
    const { id } = dataOf<{ id: string }>(draft, "createTicketDraft");
    // A NUL character cannot be stored in PostgreSQL's jsonb: the update fails in the database.
    const failing = await every(
      "Mutation",
      "updateTicket",
      `(id: "${id}", input: { description: ${literal(`A NUL \u0000 breaks the store, ${ALL_PLANTED}`)},
        docsConsulted: ${list(DOC_RUNS[0] ?? [])} })`,
    );
    expect(failing.body.errors).toBeDefined();
    leaks.push(...failing.leaks);
    const lines = gateway.logLines();
    expect(lines.length).toBeGreaterThan(0);
    leaks.push(...leaksIn("gateway log", [gateway.logText(), ...stringsOf(lines)]));
    expect(leaks).toEqual([]);
  }, 60_000);
});
