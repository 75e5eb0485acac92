import {
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  graphql,
  isObjectType,
} from "graphql";
import { GraphQLJSON } from "graphql-scalars";
import { describe, expect, it } from "vitest";
import { ALL_PLANTED, leaksIn, PLANTED, stringsOf } from "../testing/planted-secrets.js";
import { buildGatewaySchema } from "./build-gateway-schema.js";
import { NOT_TEXT_FIELDS, redactAnswers } from "./redact-answers.js";

// A new type for each schema: redactAnswers changes the types it is given.
const itemType = () =>
  new GraphQLObjectType({
    name: "Item",
    fields: {
      id: { type: new GraphQLNonNull(GraphQLID) },
      text: { type: GraphQLString },
      later: { type: GraphQLString, resolve: async () => ALL_PLANTED },
      texts: { type: new GraphQLList(new GraphQLList(GraphQLString)) },
      data: { type: GraphQLJSON },
    },
  });

const schemaWith = (fields: ConstructorParameters<typeof GraphQLObjectType>[0]["fields"]) =>
  new GraphQLSchema({ query: new GraphQLObjectType({ name: "Query", fields }) });

describe("redactAnswers", () => {
  it.each([
    ["without a context", undefined],
    ["with a request's context, each text once", {}],
  ])(
    "redacts String and JSON answers, nested lists and resolvers that answer later included; ids stay (%s)",
    async (_, contextValue) => {
      const schema = redactAnswers(
        schemaWith({
          item: {
            type: itemType(),
            resolve: () => ({
              id: PLANTED[3]?.example,
              text: ALL_PLANTED,
              texts: [[ALL_PLANTED, null], null],
              data: { note: ALL_PLANTED, auth: { password: "hunter2-hunter2" }, count: 2 },
            }),
          },
        }),
      );
      const answer = await graphql({ schema, source: "{ item { id text later texts data } }", contextValue });
      expect(answer.errors).toBeUndefined();
      const item = answer.data?.item as Record<string, unknown>;
      expect(leaksIn("answer", stringsOf({ ...item, id: "" }))).toEqual([]);
      expect(JSON.stringify(item)).not.toContain("hunter2-hunter2");
      expect(item.id).toBe(PLANTED[3]?.example);
      expect(item.texts).toEqual([[item.text, null], null]);
      expect(item.text).toContain("[REDACTED]");
      expect(item.data).toMatchObject({ count: 2, auth: { password: "[REDACTED]" } });
    },
  );

  it("refuses a schema with a scalar it does not know to be text or not", () => {
    const Secretish = new GraphQLScalarType({ name: "Secretish" });
    expect(() => redactAnswers(schemaWith({ value: { type: Secretish } }))).toThrow(
      "Query.value: scalar Secretish is neither redacted nor known to carry no text",
    );
  });

  it("leaves out only fields of the gateway's schema that exist and are String", async () => {
    const schema = await buildGatewaySchema();
    for (const coordinate of NOT_TEXT_FIELDS) {
      const [typeName = "", fieldName = ""] = coordinate.split(".");
      const type = schema.getType(typeName);
      const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect(String(field?.type).replace(/!$/, ""), coordinate).toBe("String");
    }
  });
});
