import { readFileSync } from "node:fs";
import { buildSchema, getIntrospectionQuery, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { countFieldComparisons } from "./field-comparisons.js";
import { FIELD_WEIGHTS } from "./field-weights.js";
import { DEFAULT_PAGE_SIZE, measureOperation, type OperationLimits } from "./measure-operation.js";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const LOOSE: OperationLimits = {
  maxDepth: 1e9,
  maxCost: 1e15,
  maxAliases: 1e9,
  maxDirectives: 1e9,
  maxPage: { first: 100, limit: 5000 },
};

const measure = (source: string, variables: Record<string, unknown> = {}, limits = LOOSE) => {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error("no operation");
  return measureOperation(schema, document, operation, variables, limits);
};
const sizeOf = (source: string, variables: Record<string, unknown> = {}) => {
  const measured = measure(source, variables);
  if (!measured.within) throw new Error(`passed ${measured.limit}`);
  return measured.size;
};

/** `count` fragments, each spreading the one before twice, as in the fan-out attack. */
const fanOut = (count: number, twice: (previous: string) => string) => {
  const fragments = [`fragment F0 on Query { me { id } }`];
  for (let index = 1; index < count; index += 1)
    fragments.push(`fragment F${index} on Query { ${twice(`F${index - 1}`)} }`);
  return `query { ...F${count - 1} }\n${fragments.join("\n")}`;
};

describe("measureOperation", () => {
  it("counts one per field, nesting as depth, and what lies under a page once per item", () => {
    expect(sizeOf("{ me { id email } }")).toMatchObject({ depth: 2, cost: 3 });
    expect(sizeOf("{ contracts(first: 10) { nodes { id name } } }")).toMatchObject({
      depth: 3,
      cost: 1 + 10 * (1 + 2),
    });
  });

  it("reads page sizes from variables, then the variable's default, then the argument's default", () => {
    const paged = "query Q($n: Int!) { contracts(first: $n) { totalCount } }";
    expect(sizeOf(paged, { n: 7 }).cost).toBe(1 + 7);
    expect(sizeOf("query Q($n: Int! = 100) { contracts(first: $n) { totalCount } }").cost).toBe(1 + 100);
    expect(sizeOf("{ contracts { totalCount } }").cost).toBe(1 + 20);
    expect(sizeOf("query Q($n: Int!) { contracts(first: $n) { totalCount } }").cost).toBe(
      1 + DEFAULT_PAGE_SIZE,
    );
  });

  it("costs the defaults hidden in variables at the size that runs", () => {
    const size = sizeOf(
      `query($n: Int = 100) { errors(workspaceId: "w", first: $n) { nodes { logs(first: $n) { message } } } }`,
    );
    const scan = FIELD_WEIGHTS["Query.errors"] ?? 0;
    const logs = FIELD_WEIGHTS["FlowError.logs"] ?? 0;
    expect(size.cost).toBe(scan + 100 * (1 + (logs + 100)));
  });

  it("weighs scans and diagnoses at their real weight", () => {
    const one = sizeOf(`{ diagnoseFlow(flowId: "f") { nextActions } }`).cost;
    expect(one).toBeGreaterThanOrEqual(FIELD_WEIGHTS["Query.diagnoseFlow"] ?? Number.NaN);
    const storm = Array.from(
      { length: 50 },
      (_, index) => `d${index}: diagnoseFlow(flowId: "f${index}") { nextActions }`,
    );
    expect(sizeOf(`{ ${storm.join(" ")} }`)).toMatchObject({ cost: 50 * one, aliases: 50 });
  });

  it("counts aliases and directives, in fragments wherever they are spread", () => {
    const size = sizeOf(
      `query @a { x: me { id } ...F ... on Query @b { y: me { id } } } fragment F on Query { z: me @c { id @d } }`,
    );
    expect(size).toMatchObject({ aliases: 3, directives: 4 });
  });

  it("costs introspection by the schema's size, so that aliased copies add up", () => {
    const introspection = getIntrospectionQuery();
    const once = sizeOf(introspection).cost;
    expect(once).toBeGreaterThan(Object.keys(schema.getTypeMap()).length);
    expect(once).toBeLessThan(20_000);
    const copies = Array.from(
      { length: 500 },
      (_, index) => `s${index}: __schema { types { name fields { name } } }`,
    );
    expect(sizeOf(`{ ${copies.join(" ")} }`).cost).toBeGreaterThan(
      500 * Object.keys(schema.getTypeMap()).length,
    );
    expect(sizeOf("{ __typename me { __typename id } }")).toMatchObject({ cost: 2, depth: 2 });
  });

  it("measures fragments that fan out exponentially once each, and refuses their real cost at once", () => {
    // Spreading one fragment twice in a set runs it once, as graphql-js executes it: cheap, and measured in a blink.
    const started = performance.now();
    expect(sizeOf(fanOut(40, (previous) => `...${previous} ...${previous}`)).cost).toBe(2);
    // Under two aliases the copies are real: 2^39 of them, refused as soon as the cost passes the limit.
    const aliased = measure(
      fanOut(40, (previous) => `a: __typename b: me { ...${previous} } c: me { ...${previous} }`),
      {},
      { ...LOOSE, maxCost: 20_000 },
    );
    expect(aliased).toMatchObject({ within: false, limit: "cost", max: 20_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("stops at the first limit passed and says which", () => {
    const limits = { ...LOOSE, maxDepth: 3, maxCost: 100, maxAliases: 2, maxDirectives: 1 };
    expect(measure("{ a: me { id } b: me { id } c: me { id } }", {}, limits)).toMatchObject({
      within: false,
      limit: "aliases",
      atLeast: 3,
      max: 2,
    });
    expect(measure("{ me { id @skip(if: false) @include(if: true) } }", {}, limits)).toMatchObject({
      limit: "directives",
    });
    expect(measure("{ contracts { nodes { workspaces { nodes { id } } } } }", {}, limits)).toMatchObject({
      within: false,
    });
  });
});

describe("countFieldComparisons", () => {
  it("counts the pairs validation compares: repeated keys, spreads, and spreads against fields", () => {
    expect(countFieldComparisons(parse("{ a b c { d e } }"))).toBe(0);
    expect(countFieldComparisons(parse("{ a a a ... on Query { a } }"))).toBe(6 + 0);
    expect(
      countFieldComparisons(parse("{ x ...A ...B ...B } fragment A on Q { y } fragment B on Q { z }")),
    ).toBe(1 + 2);
  });
});
