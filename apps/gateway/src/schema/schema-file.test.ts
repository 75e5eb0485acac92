import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { printGatewaySchema } from "./print-gateway-schema.js";

describe("schema.graphql", () => {
  it("matches the schema the code builds (re-print with `pnpm --filter @flowdoctor/gateway schema:print`)", async () => {
    const committed = await readFile(new URL("../../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(await printGatewaySchema());
  });
});
