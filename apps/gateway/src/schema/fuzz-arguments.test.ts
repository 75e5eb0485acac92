// Every argument of every root field, fuzzed: generated from schema.graphql, so a new field or argument is covered
// without touching this file. Each probe sends one hostile value (NUL, lone surrogates, empty, blank and overlong text,
// out-of-range numbers, cursors past every list, huge lists, unknown enum members, nulls) in one argument or input
// field, the other required arguments valid (real ids of Alice's demo data), as variables over HTTP; mutations too.
// Nothing a caller can send may answer INTERNAL or HTTP 5xx.
import { readFileSync } from "node:fs";
import {
  buildSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";
import { dataOf } from "../testing/test-gateway.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Fuzz = readonly [label: string, value: Json];

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));

// Longer than every text limit (ids 256, ticket texts at most 50,000) but the log file's (1,000,000).
const LONG_TEXT = "x".repeat(60_000);
const TEXTS: readonly Fuzz[] = [
  ["a NUL character", "a\u0000b"],
  ["lone surrogates", "a\udc00\ud800b"],
  ["empty text", ""],
  ["blank text", "   "],
  ["60,000 characters", LONG_TEXT],
];
const INTS: readonly Fuzz[] = [
  ["2^31", 2 ** 31],
  ["-2^31 - 1", -(2 ** 31) - 1],
  ["-1", -1],
  ["0", 0],
  ["2^31 - 1", 2 ** 31 - 1],
  ["1e308", 1e308],
  ["1.5", 1.5],
];
const FLOATS: readonly Fuzz[] = [
  ["1e308", 1e308],
  ["-1e308", -1e308],
  ["2^53 + 1", 2 ** 53 + 1],
  ["5e-324", 5e-324],
];
const DATES: readonly Fuzz[] = [
  ["year 275760", "+275760-09-13T00:00:00.001Z"],
  ["year 0", "0000-01-01T00:00:00Z"],
  ["a date without a time zone", "2026-01-01T00:00:00"],
];
const HUGE_LIST = 5_000;
const cursorAt = (position: string): string => Buffer.from(`fd:o:${position}`).toString("base64url");
/** For `after`: cursors of the gateway's own shape at positions no list has. */
const CURSORS: readonly Fuzz[] = [
  ["a cursor at 1e308", cursorAt("1e308")],
  ["a cursor at 2^53 + 1", cursorAt("9007199254740993")],
  ["a cursor at -1", cursorAt("-1")],
  ["a cursor at 1.5", cursorAt("1.5")],
];

/** Valid values by argument or input field name: real ids, so fuzzing one argument reaches past the others. */
type Baselines = Readonly<Record<string, Json>>;

const baselineOf = (type: GraphQLInputType, name: string, known: Baselines): Json => {
  if (isNonNullType(type)) return baselineOf(type.ofType, name, known);
  if (name in known) return known[name] as Json;
  if (isListType(type)) return [baselineOf(type.ofType, name, known)];
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(
      required.map((field) => [field.name, baselineOf(field.type, field.name, known)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0]?.name ?? null;
  const scalars: Record<string, Json> = {
    Int: 1,
    Float: 1,
    Boolean: false,
    DateTimeISO: new Date().toISOString(),
  };
  return scalars[type.name] ?? "x";
};

/** The hostile values of a type, each with a label that says where it went (`.otherIds.stepId a NUL character`). */
const fuzzOf = (type: GraphQLInputType, name: string, known: Baselines): Fuzz[] => {
  const nullable = isNonNullType(type) ? type.ofType : type;
  const own = fuzzOfNullable(nullable, name, known);
  return [["null", null], ...own];
};

const fuzzOfNullable = (type: GraphQLInputType, name: string, known: Baselines): Fuzz[] => {
  if (isListType(type)) {
    const item = baselineOf(type.ofType, name, known);
    // Items get the cheap half of the hostile values: the rest would repeat what the item type's own probes find.
    const items = fuzzOf(type.ofType, name, known).slice(0, 3);
    return [
      ["an empty list", []],
      [`${HUGE_LIST} items`, Array.from({ length: HUGE_LIST }, () => item)],
      ...items.map(([label, value]): Fuzz => [`[${label}]`, [item, value]]),
    ];
  }
  if (isInputObjectType(type)) {
    const base = baselineOf(type, name, known) as Record<string, Json>;
    return [
      ["an unknown field", { ...base, noSuchField: 1 }],
      ["text instead of an object", "x"],
      ...Object.values(type.getFields()).flatMap((field) =>
        fuzzOf(field.type, field.name, known).map(
          ([label, value]): Fuzz => [`.${field.name} ${label}`, { ...base, [field.name]: value }],
        ),
      ),
    ];
  }
  if (isEnumType(type)) return [["not a member", "NO_SUCH_VALUE"], ...TEXTS.slice(0, 1)];
  if (type.name === "Int") return [...INTS, ["text", "1"]];
  if (type.name === "Float") return [...FLOATS, ["text", "1"]];
  if (type.name === "Boolean")
    return [
      ["text", "yes"],
      ["a number", 1],
    ];
  if (type.name === "DateTimeISO") return [...TEXTS, ...DATES];
  return [...TEXTS, ...(name === "after" ? CURSORS : []), ["a number", 42], ["an object", { a: 1 }]];
};

interface Probe {
  readonly root: "query" | "mutation";
  readonly field: string;
  readonly argument: string;
  readonly label: string;
  readonly document: string;
  readonly variables: Record<string, Json>;
}

const probesOf = (
  root: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  knownFor: (field: string) => Baselines,
): Probe[] => {
  const known = knownFor(field.name);
  const definitions = field.args.map((arg, index) => `$a${index}: ${String(arg.type)}`).join(", ");
  const passed = field.args.map((arg, index) => `${arg.name}: $a${index}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
  const document = `${root}(${definitions}) { ${field.name}(${passed})${selection} }`;
  const required = (except: GraphQLArgument) =>
    Object.fromEntries(
      field.args.flatMap((arg, index) =>
        arg !== except && isNonNullType(arg.type)
          ? [[`a${index}`, baselineOf(arg.type, arg.name, known)]]
          : [],
      ),
    );
  return field.args.flatMap((arg, index) =>
    fuzzOf(arg.type, arg.name, known).map(([label, value]) => ({
      root,
      field: field.name,
      argument: arg.name,
      label,
      document,
      variables: { ...required(arg), [`a${index}`]: value },
    })),
  );
};

/** Runs `work` over the items, `width` at a time. */
const eachLimited = async <TItem>(
  items: readonly TItem[],
  width: number,
  work: (item: TItem) => Promise<void>,
) => {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as TItem);
  };
  await Promise.all(Array.from({ length: width }, lane));
};

/** The demo data the probes name when they fuzz another argument. */
interface DemoIds {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly contractId: string;
  readonly fingerprint: string;
  readonly ticketId: string;
  readonly cancelTicketId: string;
  readonly attachmentId: string;
}

describe("every argument of every root field, fuzzed", () => {
  let env: EmulatorGateway;
  let ids: DemoIds;
  const ask = async (query: string, variables: Record<string, unknown> = {}) =>
    (await env.gateway.query(query, { variables, headers: env.as("alice") })).body;

  beforeAll(async () => {
    // Scans of 100 entries: the probes test arguments, not the scan, and stay fast.
    env = await startEmulatorGateway({ TICKET_WORKER: "off", MAX_LOG_SCAN: "100" });
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const flow = env.emulator.scenario.flows.find((candidate) => candidate.userId === alice?.id) ?? {};
    const { id: flowId, workspaceId } = flow as { id: string; workspaceId: string };
    const contractId = env.emulator.scenario.workspaces.find((ws) => ws.id === workspaceId)
      ?.contractId as string;
    const groups = await ask(
      `{ errorGroups(workspaceId: "${workspaceId}", first: 1) { nodes { fingerprint } } }`,
    );
    const fingerprint = dataOf<{ nodes: { fingerprint: string }[] }>(groups, "errorGroups").nodes[0]
      ?.fingerprint;
    const draft = async (title: string, logs?: string) =>
      dataOf<{ id: string; attachments: { id: string }[] }>(
        await ask(
          "mutation($input: CreateTicketDraftInput!) { createTicketDraft(input: $input) { id attachments { id } } }",
          { input: { title, contractId, workspaceId, flowId, ...(logs === undefined ? {} : { logs }) } },
        ),
        "createTicketDraft",
      );
    const ticket = await draft("Fuzzed ticket", "step_1 failed");
    const toCancel = await draft("Fuzzed ticket to cancel");
    ids = {
      workspaceId,
      flowId,
      contractId,
      fingerprint: fingerprint as string,
      ticketId: ticket.id,
      cancelTicketId: toCancel.id,
      attachmentId: ticket.attachments[0]?.id as string,
    };
  });
  afterAll(async () => {
    await env?.close();
  });

  /** Real ids for a field's arguments; `id` means the field's own kind of thing (a ticket unless listed). */
  const knownFor = (field: string): Baselines => {
    const ownId: Readonly<Record<string, string>> = {
      flow: ids.flowId,
      workspace: ids.workspaceId,
      contract: ids.contractId,
      cancelTicket: ids.cancelTicketId,
      removeAttachment: ids.attachmentId,
    };
    const { workspaceId, flowId, contractId, fingerprint, ticketId } = ids;
    return {
      workspaceId,
      flowId,
      contractId,
      fingerprint,
      ticketId,
      id: ownId[field] ?? ticketId,
      idempotencyKey: "fuzz",
    };
  };

  it("answers every probe without INTERNAL or HTTP 5xx", async () => {
    const roots = [
      ["query", schema.getQueryType()],
      ["mutation", schema.getMutationType()],
    ] as const;
    const probes = roots.flatMap(([root, type]) =>
      Object.values(type?.getFields() ?? {}).flatMap((field) => probesOf(root, field, knownFor)),
    );
    expect(probes.length).toBeGreaterThan(500);
    const failures: string[] = [];
    const probed = new Set<string>();
    await eachLimited(probes, 6, async (probe) => {
      const response = await env.gateway.query(probe.document, {
        variables: probe.variables,
        headers: env.as("alice"),
      });
      probed.add(`${probe.field}(${probe.argument})`);
      const internal = (response.body.errors ?? []).filter((error) => error.extensions?.code === "INTERNAL");
      const answered = response.body.data !== undefined || (response.body.errors?.length ?? 0) > 0;
      if (response.status >= 500 || internal.length > 0 || !answered) {
        const what = JSON.stringify(response.body).slice(0, 300);
        failures.push(`${probe.field}(${probe.argument}: ${probe.label}) → HTTP ${response.status} ${what}`);
      }
    });
    expect(failures).toEqual([]);
    const everyArgument = roots.flatMap(([, type]) =>
      Object.values(type?.getFields() ?? {}).flatMap((field) =>
        field.args.map((arg) => `${field.name}(${arg.name})`),
      ),
    );
    expect(everyArgument.filter((argument) => !probed.has(argument))).toEqual([]);
  }, 120_000);
});
