import { VERDICT_FLOWS, verdictFlowId } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

const DIAGNOSE = `query Diagnose($flowId: ID!) {
  diagnoseFlow(flowId: $flowId) { verdict { status cause level recoveredAt summary } }
}`;

interface VerdictAnswer {
  status: string;
  cause: string | null;
  level: string | null;
  recoveredAt: string | null;
  summary: string;
}

describe("diagnoseFlow over the emulator's verdict scenario", () => {
  let env: EmulatorGateway;
  const verdicts = new Map<string, VerdictAnswer>();

  beforeAll(async () => {
    env = await startEmulatorGateway({}, "verdicts");
    for (const spec of VERDICT_FLOWS) {
      const { body } = await env.gateway.query(DIAGNOSE, {
        variables: { flowId: verdictFlowId(spec.key) },
        headers: env.as(spec.author),
      });
      verdicts.set(spec.key, dataOf<{ verdict: VerdictAnswer }>(body, "diagnoseFlow").verdict);
    }
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  it("gives every flow the verdict it was built to earn", () => {
    const got = Object.fromEntries(
      VERDICT_FLOWS.map((spec) => [
        spec.key,
        { status: verdicts.get(spec.key)?.status, cause: verdicts.get(spec.key)?.cause },
      ]),
    );
    const expected = Object.fromEntries(VERDICT_FLOWS.map((spec) => [spec.key, spec.verdict]));
    expect(got).toEqual(expected);
  });

  it("says since when a recovered problem has been gone, and gives healthy flows no cause or level", () => {
    for (const spec of VERDICT_FLOWS) {
      const verdict = verdicts.get(spec.key);
      if (spec.verdict.status === "RECOVERED") {
        expect(Date.parse(verdict?.recoveredAt ?? "")).toBeLessThan(Date.now());
        expect(verdict?.summary).toContain(verdict?.recoveredAt ?? "-");
      }
      if (spec.verdict.status === "HEALTHY") expect(verdict).toMatchObject({ cause: null, level: null });
    }
  });
});
