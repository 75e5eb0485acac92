import { it } from "vitest";
import { startEmulatorGateway } from "/work/main/apps/gateway/src/testing/emulator-gateway.js";
it("debug", async () => {
  const env = await startEmulatorGateway();
  const flow = env.emulator.scenario.flows.find((f) => f.name === "Legacy FTP price import")!;
  const { body } = await env.gateway.query(`query($id: ID!, $since: DateTimeISO){ diagnoseFlow(flowId: $id, since: $since) { checks { check status note } verdict { summary } } }`, { variables: { id: flow.id, since: new Date(Date.now() - 3 * 86_400_000).toISOString() }, headers: env.as("alice") });
  console.log(JSON.stringify(body, null, 1));
  console.log(env.upstreamCalls().slice(-20));
  await env.close();
});
