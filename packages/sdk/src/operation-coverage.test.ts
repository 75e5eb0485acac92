import { readFileSync } from "node:fs";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { OPERATION_DOCUMENTS } from "./operation-table.js";

const schemaFile = new URL("../../../apps/gateway/schema.graphql", import.meta.url);

describe("the SDK covers the gateway", () => {
  it("has a method for every query and mutation of the gateway's schema, and none it lacks", () => {
    const schema = buildSchema(readFileSync(schemaFile, "utf8"));
    const rootFields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      type ? Object.keys(type.getFields()) : [],
    );
    expect(Object.keys(OPERATION_DOCUMENTS).sort()).toEqual(rootFields.sort());
  });
});
