import { describe, expect, it } from "vitest";
import { buildGatewaySchema } from "./build-gateway-schema.js";
import { missingDescriptions } from "./missing-descriptions.js";

describe("schema descriptions", () => {
  it("describes every type, field, argument, input field and enum value", async () => {
    expect(missingDescriptions(await buildGatewaySchema())).toEqual([]);
  });
});
