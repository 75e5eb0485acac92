import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "../testing/emulator-gateway.js";
import { dataOf, startTestGateway, type TestGateway } from "../testing/test-gateway.js";

describe("without PLATFORM_API_URL", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(async () => {
    await gateway.close();
  });

  it("serves the embedded emulator's demo scenario and hands out its logins", async () => {
    expect(gateway.upstreamMode).toBe("emulator");
    const { body } = await gateway.query("{ gateway { upstream demoUsers { name email apiKey } } }");
    const info = dataOf<{ upstream: string; demoUsers: { email: string; apiKey: string }[] }>(
      body,
      "gateway",
    );
    expect(info.upstream).toBe("EMULATOR");
    expect(info.demoUsers.map((user) => user.email)).toEqual(gateway.demoUsers.map((user) => user.email));
    const alice = info.demoUsers.find((user) => user.email.startsWith("alice@"));
    const me = await gateway.query("{ me { email } }", {
      headers: { authorization: basic(alice?.email ?? "", alice?.apiKey ?? "") },
    });
    expect(dataOf<{ email: string }>(me.body, "me").email).toBe(alice?.email);
  });

  it("says who each demo user is, so a login picker can explain what they may see", async () => {
    const { body } = await gateway.query("{ gateway { demoUsers { email description } } }");
    const users = dataOf<{ demoUsers: { email: string; description: string | null }[] }>(body, "gateway");
    const describe = (email: string) => users.demoUsers.find((user) => user.email === email)?.description;
    expect(describe("alice@acme.example")).toMatch(/^Owner of Acme/);
    expect(describe("gina@acme.example")).toMatch(/^Guest in Acme Production/);
    expect(describe("bob@globex.example")).toMatch(/^Another tenant/);
    expect(users.demoUsers.every((user) => (user.description ?? "").length > 0)).toBe(true);
  });
});
