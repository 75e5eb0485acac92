import {
  createVerdictScenarioFile,
  randomVerdictFlows,
  type VerdictFlowSpec,
  verdictFlowId,
} from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";

const DIAGNOSE = `query Diagnose($flowId: ID!) {
  diagnoseFlow(flowId: $flowId) { verdict { status cause } }
}`;

/** Flows nobody tuned the verdict rules to: three seeds, every kind of history equally often. */
const FLOWS: readonly VerdictFlowSpec[] = [11, 23, 37].flatMap((seed) => randomVerdictFlows(seed, 35));

describe("diagnoseFlow over randomly drawn flows", () => {
  let env: EmulatorGateway;
  const wrong: string[] = [];

  beforeAll(async () => {
    env = await startEmulatorGateway({}, createVerdictScenarioFile(Date.now(), FLOWS));
    for (const spec of FLOWS) {
      const { body } = await env.gateway.query(DIAGNOSE, {
        variables: { flowId: verdictFlowId(spec.key) },
        headers: env.as(spec.author),
      });
      const verdict = (body.data?.diagnoseFlow as { verdict: typeof spec.verdict } | undefined)?.verdict;
      if (verdict?.status !== spec.verdict.status || verdict.cause !== spec.verdict.cause)
        wrong.push(
          `${spec.key} (${spec.description}, every ${spec.everyMinutes} min): expected ${spec.verdict.status} ${spec.verdict.cause}, got ${verdict?.status} ${verdict?.cause}`,
        );
    }
    console.info(
      [`verdicts right on random flows: ${FLOWS.length - wrong.length} of ${FLOWS.length}`, ...wrong].join(
        "\n  ",
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  it("gives at least 95 % of them the verdict their history earns, and calls every healthy flow healthy", () => {
    expect(FLOWS.length).toBeGreaterThanOrEqual(100);
    expect(wrong.filter((line) => line.includes("expected HEALTHY"))).toEqual([]);
    expect(wrong.length / FLOWS.length, wrong.join("\n")).toBeLessThanOrEqual(0.05);
  });
});
