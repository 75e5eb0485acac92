import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { call, TEST_NOW } from "../testing/api.js";
import { parseCliArgs, runCli } from "./run-cli.js";

const collect = () => {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    output: { log: (text: string) => lines.push(text), error: (text: string) => errors.push(text) },
  };
};

describe("flowdoctor-emulator command", () => {
  it("parses options with defaults", () => {
    expect(parseCliArgs([])).toEqual({
      port: 4010,
      host: "127.0.0.1",
      scenario: "demo",
      verificationPolls: 1,
    });
    expect(
      parseCliArgs(["--port", "0", "--scenario", "x.json", "--now", "2026-01-01T00:00:00Z"]),
    ).toMatchObject({
      port: 0,
      scenario: "x.json",
      now: "2026-01-01T00:00:00Z",
    });
    expect(parseCliArgs(["--help"])).toBeUndefined();
    expect(() => parseCliArgs(["--port", "abc"])).toThrow(/--port must be a non-negative integer/);
    expect(() => parseCliArgs(["--colour"])).toThrow(/colour/);
  });

  it("starts the demo, prints every user's credentials, and serves them", async () => {
    const { lines, output } = collect();
    const emulator = await runCli(["--port", "0", "--now", TEST_NOW.toISOString()], output);
    try {
      expect(emulator).toBeDefined();
      if (!emulator) return;
      const printed = lines.join("\n");
      expect(printed).toContain(`listening on ${emulator.url}`);
      for (const user of emulator.users) expect(printed).toContain(`${user.email}`);
      for (const user of emulator.users) expect(printed).toContain(user.apiKey);
      const me = await call(emulator, "/v2/users/me", { as: emulator.users[0] ?? { email: "", apiKey: "" } });
      expect(me.status).toBe(200);
    } finally {
      await emulator?.close();
    }
  });

  it("starts a scenario file and reports bad ones without a stack trace", async () => {
    const example = fileURLToPath(new URL("../../examples/small-scenario.json", import.meta.url));
    const good = collect();
    const emulator = await runCli(["-p", "0", "-s", example], good.output);
    expect(good.lines.join("\n")).toContain("dana@shop.example");
    await emulator?.close();
    const bad = collect();
    expect(await runCli(["--port", "0", "--scenario", "/no/such/file.json"], bad.output)).toBeUndefined();
    expect(bad.errors.join("\n")).toContain("/no/such/file.json: cannot read the scenario file");
    expect(bad.errors.join("\n")).not.toMatch(/\n\s+at /);
  });
});
