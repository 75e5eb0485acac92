import { readFileSync } from "node:fs";
import {
  buildSchema,
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isObjectType,
} from "graphql";

/** The committed `schema.graphql`, parsed. */
export const printedSchema = buildSchema(
  readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"),
);
const MAX_DEPTH = 8;

const argumentsOf = (field: GraphQLField<unknown, unknown>): string =>
  field.args.some((argument) => argument.name === "first") ? "(first: 2)" : "";

/** A selection of every field of `type`, nested objects included; a type already on the path is not entered again. */
export const selectAll = (type: GraphQLObjectType, path: readonly string[] = [type.name]): string => {
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && !path.includes(named.name) && path.length < MAX_DEPTH) {
      parts.push(`${field.name}${argumentsOf(field)} { ${selectAll(named, [...path, named.name])} }`);
    }
  }
  return parts.join(" ");
};

/** An operation calling one root field with `args` and selecting every field reachable from it. */
export const rootSelection = (
  root: "Query" | "Mutation" | "Subscription",
  field: string,
  args: string,
): string => {
  const rootType =
    root === "Query"
      ? printedSchema.getQueryType()
      : root === "Mutation"
        ? printedSchema.getMutationType()
        : printedSchema.getSubscriptionType();
  const definition = rootType?.getFields()[field];
  const named = definition && getNamedType(definition.type);
  if (!named) throw new Error(`${root}.${field} is not in the schema`);
  const selection = isObjectType(named) ? ` { ${selectAll(named)} }` : "";
  return `${root.toLowerCase()} { ${field}${args}${selection} }`;
};
