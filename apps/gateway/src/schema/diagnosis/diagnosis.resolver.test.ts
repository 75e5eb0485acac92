import type { Cause } from "@flowdoctor/core";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic, type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { startTestGateway, type TestGateway } from "../../testing/test-gateway.js";
import { ownScenario } from "./testing/own-scenario.js";

const DIAGNOSE = `query Diagnose($flowId: ID!, $since: DateTimeISO) {
  diagnoseFlow(flowId: $flowId, since: $since) {
    flowName
    verdict { status cause level stepId summary }
    findings { check status cause stepId title detail }
    walkthrough { firstFailingStepId steps { stepId state } }
    checks { check status note }
    escalation { recommended }
    ticket { draft missing { field } }
  }
}`;

interface DiagnosisAnswer {
  flowName: string;
  verdict: { status: string; cause: Cause; level: string; stepId: string | null; summary: string };
  findings: {
    check: string;
    status: string;
    cause: Cause;
    stepId: string | null;
    title: string;
    detail: string;
  }[];
  walkthrough: { firstFailingStepId: string | null; steps: { stepId: string; state: string }[] };
  checks: { check: string; status: string; note: string | null }[];
}

describe("diagnoseFlow over the demo scenario", () => {
  let env: EmulatorGateway;
  const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
  const answers = new Map<string, DiagnosisAnswer>();

  beforeAll(async () => {
    env = await startEmulatorGateway();
    const users = env.emulator.users.map((user) => user.email.split("@")[0] as string);
    for (const flow of env.emulator.scenario.flows) {
      for (const user of users) {
        const { body } = await env.gateway.query(DIAGNOSE, {
          variables: { flowId: flow.id, since },
          headers: env.as(user),
        });
        if (body.data?.diagnoseFlow) {
          answers.set(flow.id, body.data.diagnoseFlow as DiagnosisAnswer);
          break;
        }
      }
    }
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  it("tells a guest who may not read the logs that nothing is known, never that a flow is healthy", async () => {
    const verdicts: DiagnosisAnswer["verdict"][] = [];
    for (const flow of env.emulator.scenario.flows) {
      const { body } = await env.gateway.query(DIAGNOSE, {
        variables: { flowId: flow.id, since },
        headers: env.as("gina"),
      });
      const diagnosis = body.data?.diagnoseFlow as DiagnosisAnswer | undefined;
      if (diagnosis) verdicts.push(diagnosis.verdict);
    }
    // Checks that need no logs (flow and queue state) may still find a problem; without one, nothing is known.
    expect(verdicts.map((verdict) => verdict.status)).not.toContain("HEALTHY");
    const unchecked = verdicts.filter((verdict) => verdict.status === "UNCHECKED");
    expect(unchecked.length).toBeGreaterThan(0);
    for (const verdict of unchecked) {
      expect(verdict).toMatchObject({ cause: null, level: null });
      expect(verdict.summary).toContain("errors");
    }
  });

  it("diagnoses every flow of the scenario for some user", () => {
    expect([...answers.keys()].sort()).toEqual(env.emulator.scenario.flows.map((flow) => flow.id).sort());
  });

  it("names the cause each flow was built to show, and its failing step", () => {
    const wrong: string[] = [];
    for (const flow of env.emulator.scenario.flows) {
      const [main] = flow.expected;
      const verdict = answers.get(flow.id)?.verdict;
      if (!main || !verdict) continue;
      const stepOk = main.stepId === undefined || verdict.stepId === main.stepId;
      if (verdict.cause !== main.cause || !stepOk) {
        wrong.push(
          `${flow.name}: expected ${main.cause}@${main.stepId ?? "-"}, got ${verdict.cause}@${verdict.stepId ?? "-"} (${verdict.summary})`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it("reports every problem of flows with several, each on its step", () => {
    const missing: string[] = [];
    for (const flow of env.emulator.scenario.flows.filter((candidate) => candidate.expected.length > 1)) {
      const findings = answers.get(flow.id)?.findings ?? [];
      for (const expected of flow.expected) {
        const found = findings.some(
          (finding) =>
            (finding.status === "FAIL" || finding.status === "WARN") &&
            finding.cause === expected.cause &&
            (expected.stepId === undefined || finding.stepId === expected.stepId),
        );
        if (!found) missing.push(`${flow.name}: ${expected.cause}@${expected.stepId ?? "-"}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("finds no FAIL in healthy flows", () => {
    const healthy = env.emulator.scenario.flows.filter((flow) => flow.expected.length === 0);
    expect(healthy.length).toBeGreaterThan(0);
    for (const flow of healthy) {
      const fails = answers.get(flow.id)?.findings.filter((finding) => finding.status === "FAIL") ?? [];
      expect(fails.map((finding) => `${flow.name}: ${finding.cause} ${finding.detail}`)).toEqual([]);
    }
  });

  it("verifies the flow's credentials when asked, reporting the platform's reason", async () => {
    const flow = env.emulator.scenario.flows.find(
      (candidate) => candidate.expected[0]?.cause === "INVALID_CREDENTIALS",
    );
    const owner = env.emulator.scenario.users.find((user) => user.id === flow?.userId);
    const { body } = await env.gateway.query(
      `query($id: ID!) { diagnoseFlow(flowId: $id, options: { verifyCredentials: true }) { findings { check status detail } checks { check status } } }`,
      {
        variables: { id: flow?.id },
        headers: { authorization: basic(owner?.email ?? "", owner?.apiKey ?? "") },
      },
    );
    const answer = body.data?.diagnoseFlow as Pick<DiagnosisAnswer, "findings" | "checks">;
    const verified = answer.findings.filter(
      (finding) => finding.check === "CREDENTIALS" && /could not verify credential/.test(finding.detail),
    );
    expect(verified.map((finding) => finding.status)).toEqual(["FAIL"]);
    expect(verified[0]?.detail).toContain("expired or was revoked");
    expect(answer.checks.find((run) => run.check === "CREDENTIALS")?.status).toBe("FAIL");
  });

  it("gives the same verdict through Flow.diagnosis as through diagnoseFlow", async () => {
    const flow = env.emulator.scenario.flows.find((candidate) => candidate.expected.length > 0);
    const owner = env.emulator.scenario.users.find((user) => user.id === flow?.userId);
    const { body } = await env.gateway.query(
      `query($id: ID!, $since: DateTimeISO) { flow(id: $id) { diagnosis(since: $since) { verdict { cause stepId summary } } } }`,
      {
        variables: { id: flow?.id, since },
        headers: { authorization: basic(owner?.email ?? "", owner?.apiKey ?? "") },
      },
    );
    const viaFlow = (body.data?.flow as { diagnosis: Pick<DiagnosisAnswer, "verdict"> } | undefined)
      ?.diagnosis.verdict;
    const direct = answers.get(flow?.id ?? "")?.verdict;
    expect({ cause: viaFlow?.cause, stepId: viaFlow?.stepId }).toEqual({
      cause: direct?.cause,
      stepId: direct?.stepId,
    });
  });

  it("answers NOT_FOUND for a flow of another tenant, and BAD_USER_INPUT for a window in the future", async () => {
    const flow = env.emulator.scenario.flows[0];
    const owners = env.emulator.users.map((user) => user.email.split("@")[0] as string);
    const outsider = owners.find((user) => !answers.has(`${flow?.id}`) || user !== owners[0]);
    const results = await Promise.all(
      owners.map((user) =>
        env.gateway.query(DIAGNOSE, { variables: { flowId: flow?.id, since }, headers: env.as(user) }),
      ),
    );
    expect(outsider).toBeDefined();
    expect(results.some((result) => result.body.errors?.[0]?.extensions?.code === "NOT_FOUND")).toBe(true);
    const future = await env.gateway.query(DIAGNOSE, {
      variables: { flowId: flow?.id, since: new Date(Date.now() + 3_600_000).toISOString() },
      headers: env.as(owners[0] as string),
    });
    expect(future.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("diagnosis of a user's own scenario", () => {
  let emulator: Emulator;
  let gateway: TestGateway;
  beforeAll(async () => {
    emulator = await createEmulator({ scenario: ownScenario() });
    gateway = await startTestGateway({ PLATFORM_API_URL: emulator.url });
  });
  afterAll(async () => {
    await gateway.close();
    await emulator.close();
  });

  it("names each flow's declared cause and step, with nothing taken from the demo", async () => {
    const headers = { authorization: basic("kim@brewery.example", "kim-key") };
    const verdicts: Record<string, unknown> = {};
    const wanted: Record<string, unknown> = {};
    for (const flow of emulator.scenario.flows) {
      const { body } = await gateway.query(DIAGNOSE, { variables: { flowId: flow.id }, headers });
      const answer = body.data?.diagnoseFlow as DiagnosisAnswer;
      verdicts[flow.name] = { cause: answer.verdict.cause, stepId: answer.verdict.stepId };
      const main = flow.expected[0];
      wanted[flow.name] = main
        ? { cause: main.cause, stepId: main.stepId ?? null }
        : { cause: "UNKNOWN", stepId: null };
    }
    expect(verdicts).toEqual(wanted);
  });
});

describe("endpoint probes of diagnoseFlow", () => {
  const PROBE = `query($id: ID!) { diagnoseFlow(flowId: $id, options: { probeEndpoints: true }) { findings { check status title detail } } }`;
  const probeFindingsWith = async (env: Record<string, string>) => {
    const emulator = await createEmulator({ scenario: ownScenario() });
    const gateway = await startTestGateway({ PLATFORM_API_URL: emulator.url, ...env });
    try {
      const { body } = await gateway.query(PROBE, {
        variables: { id: "6b00000000000000000000f4" },
        headers: { authorization: basic("kim@brewery.example", "kim-key") },
      });
      const answer = body.data?.diagnoseFlow as Pick<DiagnosisAnswer, "findings">;
      return answer.findings.filter(
        (finding) => finding.check === "DOWNTIME" && finding.detail.includes("127.0.0.1:9"),
      );
    } finally {
      await gateway.close();
      await emulator.close();
    }
  };

  it("refuses to probe a loopback endpoint by default and probes it when the operator allows private networks", async () => {
    const refused = await probeFindingsWith({});
    expect(refused.map((finding) => [finding.status, finding.title])).toContainEqual([
      "SKIPPED",
      "Endpoint not probed",
    ]);
    const probed = await probeFindingsWith({ PROBE_PRIVATE_NETWORKS: "on" });
    expect(probed.map((finding) => [finding.status, finding.title])).toContainEqual([
      "FAIL",
      "The external system does not answer now",
    ]);
  });
});

describe("diagnoseWorkspace", () => {
  let env: EmulatorGateway;
  beforeAll(async () => {
    env = await startEmulatorGateway();
  });
  afterAll(async () => {
    await env.close();
  });

  it("lists every flow's verdict worst first, reading the workspace's logs once", async () => {
    const flow = env.emulator.scenario.flows.find(
      (candidate) => candidate.expected.length > 0,
    ) as (typeof env.emulator.scenario.flows)[number];
    const inWorkspace = env.emulator.scenario.flows.filter(
      (candidate) => candidate.workspaceId === flow.workspaceId,
    );
    const owner = env.emulator.scenario.users.find((user) => user.id === flow.userId);
    const headers = { authorization: basic(owner?.email ?? "", owner?.apiKey ?? "") };
    env.emulator.resetRequests();
    const { body } = await env.gateway.query(
      `query($ws: ID!) { diagnoseWorkspace(workspaceId: $ws, first: 100) { totalCount nodes { flowId flowName failures verdict { status cause } } } }`,
      { variables: { ws: flow.workspaceId }, headers },
    );
    expect(body.errors).toBeUndefined();
    const page = body.data?.diagnoseWorkspace as {
      totalCount: number;
      nodes: { flowId: string; failures: number; verdict: { status: string; cause: string } }[];
    };
    expect(page.totalCount).toBe(inWorkspace.length);
    const order = { FAILING: 0, DEGRADED: 1, UNCHECKED: 2, RECOVERED: 3, HEALTHY: 4 } as Record<
      string,
      number
    >;
    const ranks = page.nodes.map((node) => order[node.verdict.status] as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const expected of inWorkspace.filter((candidate) => candidate.expected.length > 0)) {
      expect(page.nodes.find((node) => node.flowId === expected.id)?.verdict.cause).toBe(
        expected.expected[0]?.cause,
      );
    }
    const logCalls = env.upstreamCalls().filter((call) => call.startsWith("GET /v2/logs"));
    expect(logCalls.length).toBeLessThanOrEqual(3);
  });
});
