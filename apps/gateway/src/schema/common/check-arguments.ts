import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/** The most characters of an `ID` argument: the platform's ids are 24, tickets' 36, fingerprints fewer than 100. */
export const MAX_ID_LENGTH = 256;
/** The most items of a list argument: enough for every filter and ticket list, few enough for an upstream URL. */
export const MAX_LIST_ITEMS = 1_000;

/** One argument value the gateway refuses: where it is (`input.otherIds.stepId`) and what is wrong. */
export interface ArgumentProblem {
  /** The GraphQL field whose argument it is, e.g. `createTicketDraft`. */
  readonly field: string;
  /** The path to the value from the argument's name, list items by index, e.g. `input.stepsToReproduce.2`. */
  readonly argument: string;
  readonly message: string;
}

// In `u` mode a surrogate pair is one code point, so only lone surrogates match.
const LONE_SURROGATE = /\p{Cs}/u;

const stringProblem = (value: string, isId: boolean): string | undefined => {
  if (value.includes("\u0000")) return "contains a NUL character (U+0000)";
  if (LONE_SURROGATE.test(value)) return "contains a lone UTF-16 surrogate, which is not text";
  if (isId && value.trim() === "") return "is blank; pass an id";
  if (isId && value.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters; no id is`;
  return undefined;
};

/** The first problem of a coerced argument value of a type, walking lists and input objects. */
export const valueProblem = (
  value: unknown,
  type: GraphQLInputType,
  path: string,
): Omit<ArgumentProblem, "field"> | undefined => {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = value as readonly unknown[];
    if (items.length > MAX_LIST_ITEMS)
      return { argument: path, message: `has ${items.length} items; at most ${MAX_LIST_ITEMS} are accepted` };
    for (const [index, item] of items.entries()) {
      const problem = valueProblem(item, nullable.ofType, `${path}.${index}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const item = (value as Record<string, unknown>)[field.name];
      const problem = valueProblem(item, field.type, `${path}.${field.name}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== "string") return undefined;
  const message = stringProblem(value, nullable.toString() === "ID");
  return message === undefined ? undefined : { argument: path, message };
};

const fragmentsOf = (document: DocumentNode) =>
  document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);

/**
 * The first argument of an operation the gateway refuses, in literals and variables alike: text with NUL or lone
 * surrogates (PostgreSQL and UTF-8 cannot hold them), blank or overlong ids, overlong lists. Undefined when all are
 * fine, or when the variables do not even coerce (GraphQL execution reports that itself).
 */
export const findArgumentProblem = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>>,
): ArgumentProblem | undefined => {
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (variables.coerced === undefined) return undefined;
  const typeInfo = new TypeInfo(schema);
  let found: ArgumentProblem | undefined;
  const checkField = {
    Field(node: Parameters<typeof getArgumentValues>[1]) {
      const definition = typeInfo.getFieldDef();
      if (found || !definition || definition.args.length === 0) return;
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(definition, node, variables.coerced);
      } catch {
        return; // an argument that does not coerce: execution reports it
      }
      for (const arg of definition.args) {
        const problem = valueProblem(values[arg.name], arg.type, arg.name);
        if (problem) {
          found = { field: definition.name, ...problem };
          return;
        }
      }
    },
  };
  const executed: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsOf(document)] };
  visit(executed, visitWithTypeInfo(typeInfo, checkField));
  return found;
};
