import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGatewaySchema } from "../schema/build-gateway-schema.js";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";
import { CONSOLE_OPERATIONS } from "./console-operations.js";
import { PLAYGROUND_EXAMPLES } from "./examples.js";

const nameOf = (query: string): string => /(?:query|mutation) (\w+)/.exec(query)?.[1] ?? query;

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

  it("include the console's operations, which are valid against the gateway's schema too", async () => {
    const schema = await buildGatewaySchema();
    for (const [name, query] of Object.entries(CONSOLE_OPERATIONS)) {
      expect(
        validate(schema, parse(query)).map((error) => error.message),
        name,
      ).toEqual([]);
    }
  });

  describe("run against the demo platform", () => {
    let env: EmulatorGateway;
    const run = async (user: string, query: string) =>
      (await env.gateway.query(query, { headers: env.as(user) })).body;

    beforeAll(async () => {
      env = await startEmulatorGateway({ TICKET_WORKER: "off" });
    });
    afterAll(async () => {
      await env?.close();
    });

    it.each(PLAYGROUND_EXAMPLES.map((example) => [nameOf(example.query), example.query]))(
      "%s answers the owner without errors",
      async (_, query) => {
        const body = await run("alice", query);
        expect(body.errors).toBeUndefined();
        expect(body.data).not.toBeNull();
      },
    );

    // Gina is a guest of Acme Production: she may read its flows but not its logs, so the error inbox fails.
    it.each(PLAYGROUND_EXAMPLES.map((example) => [nameOf(example.query), example.query]))(
      "%s answers a guest with partial data: the fields she may not read are null with their error",
      async (_, query) => {
        const body = await run("gina", query);
        expect(body.data).not.toBeNull();
        expect(body.data).toBeDefined();
        for (const error of body.errors ?? []) {
          expect(["FORBIDDEN", "NOT_FOUND"]).toContain(error.extensions?.code);
          expect(error.path?.length).toBeGreaterThan(0);
          let value: unknown = body.data;
          for (const key of error.path ?? []) value = (value as Record<string | number, unknown>)[key];
          expect(value, JSON.stringify(error.path)).toBeNull();
        }
      },
    );

    it("shows a guest the workspace and its flows beside the errors she may not read", async () => {
      const errorGroups = PLAYGROUND_EXAMPLES.find((example) => nameOf(example.query) === "ErrorGroups");
      const body = await run("gina", errorGroups?.query ?? "");
      expect(body.data).toEqual({ workspaces: { nodes: [{ name: "Acme Production", errorGroups: null }] } });
      expect(body.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([
        ["FORBIDDEN", ["workspaces", "nodes", 0, "errorGroups"]],
      ]);
    });
  });
});
