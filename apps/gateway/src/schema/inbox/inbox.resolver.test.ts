import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

interface GroupNode {
  fingerprint: string;
  status: { state: string; stored: boolean; changedBy: string | null; note: string | null };
}

const GROUPS = `query G($ws: ID!, $states: [ErrorGroupState!]) {
  errorGroups(workspaceId: $ws, states: $states, first: 100) {
    totalCount
    nodes { fingerprint status { state stored changedBy note } }
  }
}`;

const SET = `mutation S($input: SetErrorGroupStateInput!) {
  setErrorGroupState(input: $input) { state stored changedBy changedAt note snoozeOccurrences }
}`;

describe("error-group states over the demo emulator", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  let aliceId: string;

  const groups = async (states?: string[]) =>
    dataOf<{ totalCount: number; nodes: GroupNode[] }>(
      (
        await env.gateway.query(GROUPS, {
          headers: env.as("alice"),
          variables: { ws: workspaceId, ...(states === undefined ? {} : { states }) },
        })
      ).body,
      "errorGroups",
    );
  const set = (user: string, input: Record<string, unknown>) =>
    env.gateway.query(SET, { headers: env.as(user), variables: { input: { workspaceId, ...input } } });

  beforeAll(async () => {
    env = await startEmulatorGateway();
    const { body } = await env.gateway.query("{ me { id } workspaces { nodes { id name } } }", {
      headers: env.as("alice"),
    });
    const data = body.data as { me: { id: string }; workspaces: { nodes: { id: string; name: string }[] } };
    aliceId = data.me.id;
    workspaceId = data.workspaces.nodes.find((node) => node.name === "Acme Production")?.id as string;
  });
  afterAll(async () => env?.close());

  it("remembers who resolved a group, why (redacted) and filters errorGroups by state", async () => {
    const before = await groups();
    expect(before.nodes.length).toBeGreaterThan(1);
    expect(before.nodes.every((node) => node.status.state === "NEW" && !node.status.stored)).toBe(true);
    const [target] = before.nodes as [GroupNode];

    const { body } = await set("alice", {
      fingerprint: target.fingerprint,
      state: "RESOLVED",
      note: "rotated the key; old one was api_key=abc123supersecretvalue",
    });
    const status = dataOf<{ state: string; stored: boolean; changedBy: string; note: string }>(
      body,
      "setErrorGroupState",
    );
    expect(status).toMatchObject({ state: "RESOLVED", stored: true, changedBy: aliceId });
    expect(status.note).toContain("rotated the key");
    expect(status.note).not.toContain("abc123supersecretvalue");

    const resolved = await groups(["RESOLVED"]);
    expect(resolved.nodes.map((node) => node.fingerprint)).toEqual([target.fingerprint]);
    expect(resolved.totalCount).toBe(1);
    const fresh = await groups(["NEW"]);
    expect(fresh.nodes.map((node) => node.fingerprint)).not.toContain(target.fingerprint);
    expect(fresh.totalCount).toBe(before.totalCount - 1);
  });

  it("snoozes until N more occurrences, and refuses a snooze without a condition naming the field", async () => {
    const [, second] = (await groups(["NEW"])).nodes as [GroupNode, GroupNode];
    const bad = await set("alice", { fingerprint: second.fingerprint, state: "SNOOZED", snooze: {} });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "snooze" });
    const half = await set("alice", {
      fingerprint: second.fingerprint,
      state: "SNOOZED",
      snooze: { rateCount: 5 },
    });
    expect(half.body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "snooze.rateHours",
    });
    const good = await set("alice", {
      fingerprint: second.fingerprint,
      state: "SNOOZED",
      snooze: { occurrences: 10 },
    });
    expect(dataOf(good.body, "setErrorGroupState")).toMatchObject({
      state: "SNOOZED",
      snoozeOccurrences: 10,
    });
  });

  it("is refused to those who may not read the workspace's logs, and NOT_FOUND for an unknown group", async () => {
    const [target] = (await groups(["NEW"])).nodes as [GroupNode];
    const guest = await set("gina", { fingerprint: target.fingerprint, state: "IGNORED" });
    expect(guest.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const stranger = await set("bob", { fingerprint: target.fingerprint, state: "IGNORED" });
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(stranger.body.errors?.[0]?.extensions?.code);
    expect((await groups(["IGNORED"])).totalCount).toBe(0);
    const unknown = await set("alice", { fingerprint: "0000000000000000", state: "IGNORED" });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "fingerprint" });
  });
});
