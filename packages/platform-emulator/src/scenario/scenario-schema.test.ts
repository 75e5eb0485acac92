import { readFile } from "node:fs/promises";
import { CAUSES } from "@flowdoctor/core";
import { describe, expect, it } from "vitest";

type Schema = {
  required: string[];
  properties: Record<string, unknown>;
  $defs: Record<
    string,
    {
      required?: string[];
      properties?: Record<
        string,
        { properties?: Record<string, { properties?: Record<string, { enum?: string[] }> }> }
      >;
    }
  >;
};

const schema = JSON.parse(
  await readFile(new URL("../../scenario.schema.json", import.meta.url), "utf8"),
) as Schema;

describe("scenario.schema.json", () => {
  it("lists the same top-level keys as the loader", () => {
    expect(schema.required).toEqual(["name", "users", "contracts", "workspaces"]);
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        "$schema",
        "name",
        "description",
        "users",
        "contracts",
        "workspaces",
        "components",
        "credentials",
        "dataSamples",
        "flows",
        "logs",
        "containerExits",
      ].sort(),
    );
  });

  it("offers exactly the taxonomy's causes for a flow's expected causes", () => {
    const expected = schema.$defs.flow?.properties?.expected as unknown as {
      items: { properties: { cause: { enum: string[] } } };
    };
    expect(expected.items.properties.cause.enum).toEqual([...CAUSES]);
  });

  it("is referenced by the example file", async () => {
    const example = JSON.parse(
      await readFile(new URL("../../examples/small-scenario.json", import.meta.url), "utf8"),
    );
    expect(example.$schema).toBe("../scenario.schema.json");
  });
});
