import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../schema/build-gateway-schema.js";
import { PLAYGROUND_EXAMPLES } from "./examples.js";

describe("the playground's example tabs", () => {
  it("are valid operations against the gateway's schema", async () => {
    const schema = await buildGatewaySchema();
    for (const example of PLAYGROUND_EXAMPLES) {
      const errors = validate(schema, parse(example.query)).map((error) => error.message);
      expect(errors, example.query).toEqual([]);
      if (example.variables !== undefined)
        expect(() => JSON.parse(example.variables as string)).not.toThrow();
    }
  });
});
