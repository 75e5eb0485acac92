import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_SIZE, measureOperation } from "./measure-operation.js";

const measure = (source: string, variables: Record<string, unknown> = {}) => {
  const document = parse(source);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
  }
  if (!operation) throw new Error("no operation");
  return measureOperation(operation, fragments, variables);
};

describe("measureOperation", () => {
  it("counts one per leaf and nesting as depth", () => {
    expect(measure("{ a b }")).toEqual({ depth: 1, cost: 2 });
    expect(measure("{ a { b { c d } } }")).toEqual({ depth: 3, cost: 4 });
  });

  it("multiplies what is under a paged field by its first, literal or variable", () => {
    expect(measure("{ flows(first: 10) { edges { node { id name } } } }")).toEqual({
      depth: 4,
      cost: 1 + 10 * (1 + 1 + 2),
    });
    expect(measure("query Q($n: Int) { flows(first: $n) { id } }", { n: 7 })).toEqual({ depth: 2, cost: 8 });
  });

  it("assumes the default page size when first is absent from a paged field's variables", () => {
    expect(measure("query Q($n: Int) { flows(first: $n) { id } }")).toEqual({
      depth: 2,
      cost: 1 + DEFAULT_PAGE_SIZE,
    });
  });

  it("follows fragment spreads and inline fragments", () => {
    expect(measure("{ ...F ... on Query { c } } fragment F on Query { a { b } }")).toEqual({
      depth: 2,
      cost: 3,
    });
  });

  it("leaves introspection out", () => {
    expect(measure("{ __schema { types { fields { type { ofType { name } } } } } a }")).toEqual({
      depth: 1,
      cost: 1,
    });
  });
});
