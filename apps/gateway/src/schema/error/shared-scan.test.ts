import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";

describe("errorGroups requests that arrive together", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  const query = `query G($ws: ID!) {
    errorGroups(workspaceId: $ws, first: 5) { totalCount nodes { fingerprint count flow { name } } } }`;
  const ask = (user: string) =>
    env.gateway.query(query, { variables: { ws: workspaceId }, headers: env.as(user) });
  const logReads = () => env.upstreamCalls().filter((call) => call.startsWith("GET /v2/logs")).length;

  beforeAll(async () => {
    env = await startEmulatorGateway();
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    workspaceId = env.emulator.scenario.flows.find((flow) => flow.userId === alice?.id)
      ?.workspaceId as string;
    await Promise.all([ask("alice"), ask("carl")]); // checks both logins once, so only scans are counted below
  });
  afterAll(async () => {
    await env.close();
  });

  it("share one scan of the platform's logs per user, and give each the same answer", async () => {
    env.emulator.resetRequests();
    env.emulator.setFaults([{ latencyMs: 300 }]); // a slow platform: the five surely overlap
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask("alice"))).finally(() =>
      env.emulator.setFaults([]),
    );
    expect(logReads()).toBe(1);
    // The requests that joined the scan use the flows it read instead of fetching each flow.
    expect(env.upstreamCalls().filter((call) => /^GET \/v2\/flows\/\w+/.test(call))).toEqual([]);
    for (const answer of answers) expect(answer.body).toEqual(answers[0]?.body);
    expect(answers[0]?.body.errors).toBeUndefined();
  });

  it("never share a scan between users, nor with a later request", async () => {
    env.emulator.resetRequests();
    await Promise.all([ask("alice"), ask("carl")]);
    expect(logReads()).toBe(2);
    env.emulator.resetRequests();
    await ask("alice");
    await ask("alice");
    expect(logReads()).toBe(2);
  });
});
