import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import type { OperationMetadata } from "./graphql/operation-metadata.js";
import { SUBSCRIPTION_DOCUMENTS } from "./live/subscriptions.js";
import { OPERATION_DOCUMENTS, PAGE_WALKERS } from "./operation-table.js";

const schemaFile = new URL("../../../apps/gateway/schema.graphql", import.meta.url);
const metadataOf = (document: object) => (document as { __meta__: OperationMetadata }).__meta__;

describe("the SDK covers the gateway", () => {
  it("has a method for every query and mutation of the gateway's schema, and none it lacks", () => {
    const schema = buildSchema(readFileSync(schemaFile, "utf8"));
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      type ? Object.keys(type.getFields()) : [],
    );
    expect(Object.keys(OPERATION_DOCUMENTS).sort()).toEqual(rootFields.sort());
  });

  it("has a subscription for every subscription field of the gateway's schema, named after it", () => {
    const schema = buildSchema(readFileSync(schemaFile, "utf8"));
    const fields = Object.keys(schema.getSubscriptionType()?.getFields() ?? {});
    expect(Object.keys(SUBSCRIPTION_DOCUMENTS).sort()).toEqual(fields.sort());
    for (const [name, document] of Object.entries(SUBSCRIPTION_DOCUMENTS))
      expect(metadataOf(document)).toMatchObject({ operationType: "subscription", rootFields: [name] });
  });

  it("names each method after the one root field its generated document selects", () => {
    const mismatched = Object.entries(OPERATION_DOCUMENTS).filter(
      ([name, document]) => metadataOf(document).rootFields.join() !== name,
    );
    expect(mismatched).toEqual([]);
  });

  it("walks only documents that select the walker's field and take an $after: String", () => {
    for (const [walker, [document, field]] of Object.entries(PAGE_WALKERS)) {
      const meta = metadataOf(document);
      expect(meta.rootFields, walker).toEqual([field]);
      expect(meta.variables, walker).toContainEqual({ name: "after", type: "String", required: false });
    }
  });
});
