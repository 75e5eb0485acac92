import {
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** The page size assumed for a list field whose `first` is not given. */
export const DEFAULT_PAGE_SIZE = 20;

/** How deep and how costly an operation is, before it runs. */
export interface OperationSize {
  /** The deepest nesting of fields (a top-level field is depth 1). */
  readonly depth: number;
  /** Every field counts 1; the fields under a paged field count once per item of the page. */
  readonly cost: number;
}

interface Walk {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
}

const pageSizeOf = (value: ValueNode | undefined, walk: Walk): number => {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const resolved = walk.variables[value.name.value];
    return typeof resolved === "number" ? resolved : DEFAULT_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
};

const measureSelections = (set: SelectionSetNode, walk: Walk): OperationSize => {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    const inner = measureSelection(selection, walk);
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
};

const measureSelection = (selection: SelectionSetNode["selections"][number], walk: Walk): OperationSize => {
  if (selection.kind === Kind.INLINE_FRAGMENT) return measureSelections(selection.selectionSet, walk);
  if (selection.kind === Kind.FRAGMENT_SPREAD) {
    const fragment = walk.fragments.get(selection.name.value);
    return fragment ? measureSelections(fragment.selectionSet, walk) : { depth: 0, cost: 0 };
  }
  // Introspection is bounded by the schema itself; GraphiQL's own query would otherwise trip the limits.
  if (selection.name.value.startsWith("__")) return { depth: 0, cost: 0 };
  if (!selection.selectionSet) return { depth: 1, cost: 1 };
  const first = selection.arguments?.find((argument) => argument.name.value === "first");
  const items = first ? Math.max(1, pageSizeOf(first.value, walk)) : 1;
  const inner = measureSelections(selection.selectionSet, walk);
  return { depth: inner.depth + 1, cost: 1 + items * inner.cost };
};

/**
 * Measures an operation's depth and estimated cost, following fragments and resolving `first`
 * from variables. Expects a validated document (no fragment cycles).
 */
export const measureOperation = (
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>> = {},
): OperationSize => measureSelections(operation.selectionSet, { fragments, variables });
