import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValueNode,
} from "graphql";
import { fieldWeight } from "./field-weights.js";

/** The page size assumed for a paged field whose size is given nowhere (argument, variable or default). */
export const DEFAULT_PAGE_SIZE = 20;

/** What an operation may not exceed. */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /**
   * The largest value each page argument accepts (`first`, `limit`): a larger one is refused with `BAD_USER_INPUT`
   * before any work, so it is measured at this size and its own error names the argument.
   */
  readonly maxPage: Readonly<Record<string, number>>;
}

/** How big an operation is, before it runs. */
export interface OperationSize {
  /** The deepest nesting of fields (a top-level field is depth 1; introspection does not count). */
  readonly depth: number;
  /**
   * Each field costs its weight (1, or more for scans and diagnoses), each introspection list its schema's average
   * size, and what lies under a paged field counts once per item of the page.
   */
  readonly cost: number;
  /** Aliased fields, counted once per place they are spread into. */
  readonly aliases: number;
  /** Directives, counted the same way. */
  readonly directives: number;
}

/** The measurement: within the limits, or the first limit passed (measuring stops there). */
export type Measurement =
  | { readonly within: true; readonly size: OperationSize }
  | {
      readonly within: false;
      readonly limit: keyof OperationSize;
      readonly atLeast: number;
      readonly max: number;
    };

/** Thrown inside the walk as soon as a limit is passed, so a huge operation is never measured in full. */
class LimitPassed {
  constructor(
    readonly limit: keyof OperationSize,
    readonly atLeast: number,
    readonly max: number,
  ) {}
}

const ZERO: OperationSize = { depth: 0, cost: 0, aliases: 0, directives: 0 };

/** How many items an introspection field holds on average in `schema`, by `Type.field` (1 when not listed). */
const introspectionListSizes = (schema: GraphQLSchema): ReadonlyMap<string, number> => {
  const types = Object.values(schema.getTypeMap());
  let fields = 0;
  let fieldArgs = 0;
  let inputFields = 0;
  let enumValues = 0;
  let implementations = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      fieldArgs += own.reduce((sum, field) => sum + field.args.length, 0);
      implementations += type.getInterfaces().length;
    }
    if ("getValues" in type) enumValues += type.getValues().length;
    if ("getFields" in type && !isObjectType(type) && !isInterfaceType(type))
      inputFields += Object.keys(type.getFields()).length;
  }
  const directives = schema.getDirectives();
  const average = (total: number, over: number) => total / Math.max(1, over);
  return new Map([
    ["__Schema.types", types.length],
    ["__Schema.directives", directives.length],
    // Most type references wrap their type once or twice (non-null, list): each level is there half the time or less.
    ["__Type.ofType", 0.5],
    ["__Type.fields", average(fields, types.length)],
    ["__Type.inputFields", average(inputFields, types.length)],
    ["__Type.enumValues", average(enumValues, types.length)],
    ["__Type.interfaces", average(implementations, types.length)],
    ["__Type.possibleTypes", average(implementations, types.length)],
    ["__Field.args", average(fieldArgs, fields)],
    [
      "__Directive.args",
      average(
        directives.reduce((sum, directive) => sum + directive.args.length, 0),
        directives.length,
      ),
    ],
  ]);
};

const listSizesBySchema = new WeakMap<GraphQLSchema, ReadonlyMap<string, number>>();
const listSizesOf = (schema: GraphQLSchema): ReadonlyMap<string, number> => {
  let sizes = listSizesBySchema.get(schema);
  if (!sizes) {
    sizes = introspectionListSizes(schema);
    listSizesBySchema.set(schema, sizes);
  }
  return sizes;
};

const fieldDefinition = (
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined => {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
};

/** Introspection types are named `__Schema`, `__Type`…; their fields cost by the schema's size, not by depth. */
const isIntrospection = (type: GraphQLNamedType | undefined): boolean => type?.name.startsWith("__") ?? false;

class OperationWalk {
  private readonly fragmentSizes = new Map<string, OperationSize>();
  private readonly listSizes: ReadonlyMap<string, number>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly limits: OperationLimits,
  ) {
    this.listSizes = listSizesOf(schema);
  }

  /** Checks each figure against its limit, so the walk stops at the first one passed. */
  private checked(size: OperationSize): OperationSize {
    if (size.cost > this.limits.maxCost)
      throw new LimitPassed("cost", Math.ceil(size.cost), this.limits.maxCost);
    if (size.aliases > this.limits.maxAliases)
      throw new LimitPassed("aliases", size.aliases, this.limits.maxAliases);
    if (size.directives > this.limits.maxDirectives)
      throw new LimitPassed("directives", size.directives, this.limits.maxDirectives);
    if (size.depth > this.limits.maxDepth) throw new LimitPassed("depth", size.depth, this.limits.maxDepth);
    return size;
  }

  measure(): OperationSize {
    const root = this.schema.getRootType(this.operation.operation) ?? undefined;
    const inner = this.selectionSet(this.operation.selectionSet, root);
    const directives = inner.directives + this.count(this.operation.directives);
    // Introspection's averages make fractions.
    return this.checked({ ...inner, cost: Math.ceil(inner.cost), directives });
  }

  private count(directives: readonly DirectiveNode[] | undefined): number {
    return directives?.length ?? 0;
  }

  /** Adds up a selection set; a fragment spread twice in one set runs once, as in execution. */
  private selectionSet(set: SelectionSetNode, parent: GraphQLNamedType | undefined): OperationSize {
    let total = ZERO;
    const spread = new Set<string>();
    for (const selection of set.selections) {
      let size: OperationSize;
      if (selection.kind === Kind.FIELD) size = this.field(selection, parent);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        const inner = this.selectionSet(selection.selectionSet, type ?? undefined);
        size = { ...inner, directives: inner.directives + this.count(selection.directives) };
      } else {
        const name = selection.name.value;
        const inner = spread.has(name) ? ZERO : this.fragment(name);
        spread.add(name);
        size = { ...inner, directives: inner.directives + this.count(selection.directives) };
      }
      total = this.checked({
        depth: Math.max(total.depth, size.depth),
        cost: total.cost + size.cost,
        aliases: total.aliases + size.aliases,
        directives: total.directives + size.directives,
      });
    }
    return total;
  }

  /** A fragment's size, measured once per operation however often it is spread (it cannot recurse: validation). */
  private fragment(name: string): OperationSize {
    const known = this.fragmentSizes.get(name);
    if (known) return known;
    const definition = this.fragments.get(name);
    // Mark it first, so that a cycle in a not yet validated document ends instead of recursing forever.
    this.fragmentSizes.set(name, ZERO);
    if (!definition) return ZERO;
    const type = this.schema.getType(definition.typeCondition.name.value) ?? undefined;
    const size = this.selectionSet(definition.selectionSet, type);
    const withDirectives = this.checked({
      ...size,
      directives: size.directives + this.count(definition.directives),
    });
    this.fragmentSizes.set(name, withDirectives);
    return withDirectives;
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): OperationSize {
    const name = node.name.value;
    const aliases = node.alias && node.alias.value !== name ? 1 : 0;
    const directives = this.count(node.directives);
    const definition = fieldDefinition(parent, name);
    const introspection = isIntrospection(parent) || name.startsWith("__");
    if (name === TypeNameMetaFieldDef.name) return { depth: 0, cost: 0, aliases, directives };
    const parentName = parent?.name ?? "";
    const weight = introspection ? 1 : fieldWeight(parentName, name);
    if (!node.selectionSet) return { depth: introspection ? 0 : 1, cost: weight, aliases, directives };
    const type = definition ? getNamedType(definition.type) : undefined;
    const inner = this.selectionSet(node.selectionSet, type);
    const items = introspection
      ? (this.listSizes.get(`${parentName}.${name}`) ?? 1)
      : this.pageSize(node, definition);
    return {
      depth: introspection ? 0 : inner.depth + 1,
      cost: weight + items * inner.cost,
      aliases: aliases + inner.aliases,
      directives: directives + inner.directives,
    };
  }

  /** The page a paged field asks for: argument, variable, the variable's default, the argument's default. */
  private pageSize(node: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number {
    const isPaging = (name: string) => Object.hasOwn(this.limits.maxPage, name);
    const argument = node.arguments?.find((candidate) => isPaging(candidate.name.value));
    const declared = definition?.args?.find((candidate) => isPaging(candidate.name));
    if (!argument && !declared) return 1;
    const given = argument ? this.intOf(argument.value) : undefined;
    const fallback = typeof declared?.defaultValue === "number" ? declared.defaultValue : DEFAULT_PAGE_SIZE;
    const max = this.limits.maxPage[argument?.name.value ?? declared?.name ?? ""] ?? Number.POSITIVE_INFINITY;
    return Math.min(max, Math.max(1, given ?? fallback));
  }

  private intOf(value: ValueNode): number | undefined {
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return undefined;
    const name = value.name.value;
    const given = this.variables[name];
    if (typeof given === "number") return given;
    if (given !== undefined && given !== null) return undefined;
    const declared = this.operation.variableDefinitions?.find(
      (definition) => definition.variable.name.value === name,
    );
    return declared?.defaultValue ? this.intOf(declared.defaultValue) : undefined;
  }
}

/**
 * Measures one operation of `document` against `limits`, following fragments (each measured once) and reading page
 * sizes from arguments, variables, variables' defaults and the schema's defaults. Stops at the first limit passed,
 * so even a document whose fragments fan out exponentially is refused in time linear in its size.
 */
export const measureOperation = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  limits: OperationLimits,
): Measurement => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  try {
    return {
      within: true,
      size: new OperationWalk(schema, fragments, operation, variables, limits).measure(),
    };
  } catch (error) {
    if (error instanceof LimitPassed) return { within: false, ...error };
    throw error;
  }
};
