import {
  EXPECTED_CONTRACT_ROOT_CAUSES,
  EXPECTED_ROOT_CAUSES,
  type ExpectedRootCause,
  ROOT_CAUSE_FLOWS,
  rootCauseFlowId,
} from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";

const ROOT_CAUSES = `query RootCauses($workspaceId: ID!) {
  rootCauses(workspaceId: $workspaceId) {
    errorsRead truncated flowsRead
    rootCauses {
      kind key label cause confidence evidence summary
      fix { flows steps failedExecutions summary }
      healthyAlsoUsing { flowId flowName }
      flows { flowId flowName steps { stepId cause failedExecutions change { status stepChanged summary changes { kind stepId } } } }
    }
  }
}`;

const CONTRACT_ROOT_CAUSES = `query ContractRootCauses($contractId: ID, $workspaceId: ID) {
  rootCauses(contractId: $contractId, workspaceId: $workspaceId) {
    workspaceIds skippedWorkspaceIds truncated
    rootCauses { kind key healthyAlsoUsing { flowId workspaceId } flows { flowId workspaceId } }
  }
}`;

const DIAGNOSE = `query Diagnose($flowId: ID!) {
  diagnoseFlow(flowId: $flowId) {
    verdict { status cause stepId summary change { status stepChanged minutesAfterChange summary
      version { number } previousVersion { number }
      changes { kind stepId path after addedReads } } }
    errorGroups { stepId change { status } }
    ticket { draft }
  }
}`;

interface Cause {
  kind: string;
  key: string;
  label: string;
  cause: string;
  confidence: number;
  evidence: string[];
  fix: { flows: number; steps: number; failedExecutions: number; summary: string };
  healthyAlsoUsing: { flowId: string }[];
  flows: {
    flowId: string;
    steps: {
      stepId: string;
      change: { status: string; stepChanged: boolean; changes: { kind: string }[] } | null;
    }[];
  }[];
}

interface ContractReport {
  workspaceIds: string[];
  skippedWorkspaceIds: string[];
  rootCauses: (Pick<Cause, "kind" | "key"> & {
    healthyAlsoUsing: { flowId: string; workspaceId: string }[];
    flows: { flowId: string; workspaceId: string }[];
  })[];
}

const keyOf = (flowId: string): string =>
  ROOT_CAUSE_FLOWS.find((spec) => rootCauseFlowId(spec.key) === flowId)?.key ?? flowId;

/** The causes found are exactly those expected (ties in any order), and none names a flow that must stay silent. */
const expectCauses = (
  causes: readonly {
    kind: string;
    key: string;
    flows: { flowId: string }[];
    healthyAlsoUsing: { flowId: string }[];
  }[],
  expected: readonly ExpectedRootCause[],
) => {
  const got = causes.map((cause) => ({
    kind: cause.kind,
    key: cause.key,
    flows: cause.flows.map((flow) => keyOf(flow.flowId)).sort(),
    healthyAlsoUsing: cause.healthyAlsoUsing.map((flow) => keyOf(flow.flowId)).sort(),
  }));
  const sorted = expected.map((cause) => ({
    ...cause,
    flows: [...cause.flows].sort(),
    healthyAlsoUsing: [...cause.healthyAlsoUsing].sort(),
  }));
  expect(got).toEqual(expect.arrayContaining(sorted));
  expect(got).toHaveLength(sorted.length);
  const everywhere = JSON.stringify(got);
  for (const silent of ["rc-transient", "rc-welcome", "rc-rest-v2-healthy", "rc-erp-customers"])
    expect(everywhere).not.toContain(`"${silent}"`);
};

describe("rootCauses and the change behind a verdict, over the emulator's rootcauses scenario", () => {
  let env: EmulatorGateway;
  let causes: Cause[] = [];
  let workspaceId = "";

  beforeAll(async () => {
    env = await startEmulatorGateway({}, "rootcauses");
    workspaceId = env.emulator.scenario.flows.find((flow) => flow.id === rootCauseFlowId("rc-mapper-vat"))
      ?.workspaceId as string;
    env.emulator.resetRequests();
    const { body } = await env.gateway.query(ROOT_CAUSES, {
      variables: { workspaceId },
      headers: env.as("alice"),
    });
    expect(body.errors).toBeUndefined();
    causes = (body.data?.rootCauses as { rootCauses: Cause[] } | undefined)?.rootCauses ?? [];
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  it("finds exactly the shared causes the scenario was built with, and nothing for the transient or healthy flows", () => {
    expectCauses(causes, EXPECTED_ROOT_CAUSES);
  });

  it("ranks the component upgrade that broke three flows first and says what fixing it fixes", () => {
    const [worst] = causes;
    expect(worst).toMatchObject({ kind: "COMPONENT_VERSION", fix: { flows: 3, steps: 3 } });
    expect(worst?.fix.summary).toContain("would fix 3 flows");
    expect(worst?.evidence).toContain("3 flows moved to this component version shortly before failing.");
    for (const flow of worst?.flows ?? [])
      expect(flow.steps[0]?.change).toMatchObject({ status: "CHANGED", stepChanged: true });
    const flowsCounts = causes.map((cause) => cause.fix.flows);
    expect(flowsCounts).toEqual([...flowsCounts].sort((a, b) => b - a));
  });

  it("does not blame a credential a healthy flow shares when its failing flow fails for another reason", () => {
    const credentials = causes.filter((cause) => cause.kind === "CREDENTIAL");
    expect(credentials.map((cause) => cause.key)).toHaveLength(1);
    const hubspot = credentials[0];
    expect(hubspot?.label).toContain("HubSpot");
    expect(hubspot?.evidence.join(" ")).toContain("does not fail");
    expect(hubspot?.confidence).toBeLessThan(0.9);
  });

  it("reads the platform a fixed number of times: flows, components, credentials once, versions once per failing flow", () => {
    const calls = env.upstreamCalls();
    const count = (pattern: RegExp) => calls.filter((call) => pattern.test(call)).length;
    expect(count(/^GET \/v2\/flows$/)).toBe(1);
    expect(count(/^GET \/v2\/logs$/)).toBe(1);
    expect(count(/components/)).toBe(1);
    expect(count(/credentials/)).toBe(1);
    const versionReads = calls.filter((call) => /\/versions/.test(call));
    expect(new Set(versionReads).size).toBe(versionReads.length);
    expect(versionReads).toHaveLength(9);
  });

  it("names the mapper change behind the broken step in the verdict, the error group and the ticket draft", async () => {
    const { body } = await env.gateway.query(DIAGNOSE, {
      variables: { flowId: rootCauseFlowId("rc-mapper-vat") },
      headers: env.as("alice"),
    });
    const diagnosis = body.data?.diagnoseFlow as {
      verdict: {
        status: string;
        stepId: string;
        summary: string;
        change: Record<string, unknown> & { minutesAfterChange: number };
      };
      errorGroups: { change: { status: string } }[];
      ticket: { draft: { description: string } };
    };
    expect(diagnosis.verdict).toMatchObject({
      status: "FAILING",
      stepId: "step_3",
      change: {
        status: "CHANGED",
        stepChanged: true,
        version: { number: 2 },
        previousVersion: { number: 1 },
        changes: [
          {
            kind: "MAPPER_CHANGED",
            stepId: "step_3",
            path: "mapper.vat",
            after: "$.customer.vat",
            addedReads: ["$.customer.vat"],
          },
        ],
      },
    });
    expect(diagnosis.verdict.change.minutesAfterChange).toBeGreaterThan(0);
    expect(diagnosis.verdict.change.minutesAfterChange).toBeLessThan(80);
    expect(diagnosis.verdict.summary).toMatch(
      /Began \d+ minutes after version 2 added `vat` in the mapper of step_3 \(added `\$\.customer\.vat`\)\./,
    );
    expect(diagnosis.errorGroups[0]?.change.status).toBe("CHANGED");
    expect(diagnosis.ticket.draft.description).toContain("What changed: Began");
  });

  it("answers that nothing changed for a host that went down, so the outside world did", async () => {
    const { body } = await env.gateway.query(DIAGNOSE, {
      variables: { flowId: rootCauseFlowId("rc-shop-orders") },
      headers: env.as("alice"),
    });
    type Answer = { verdict: unknown } | undefined;
    const verdict = (body.data?.diagnoseFlow as Answer)?.verdict as {
      cause: string;
      summary: string;
      change: { status: string; summary: string };
    };
    expect(verdict.cause).toBe("SYSTEM_DOWNTIME");
    expect(verdict.change).toMatchObject({ status: "NO_CHANGE" });
    expect(verdict.change.summary).toContain("something outside the flow changed");
    expect(verdict.summary).not.toContain("Began");
  });

  it("keeps a healthy flow's verdict free of any change", async () => {
    const { body } = await env.gateway.query(DIAGNOSE, {
      variables: { flowId: rootCauseFlowId("rc-erp-customers") },
      headers: env.as("alice"),
    });
    const verdict = (body.data?.diagnoseFlow as { verdict: unknown } | undefined)?.verdict;
    expect(verdict).toMatchObject({ status: "HEALTHY", change: null });
  });

  it("answers for a contract across the workspaces the caller may read: a host down for flows of both is one cause", async () => {
    const contractId = env.emulator.scenario.workspaces.find((ws) => ws.id === workspaceId)?.contractId;
    const sandbox = env.emulator.scenario.flows.find(
      (flow) => flow.id === rootCauseFlowId("rc-sandbox-shop-stock"),
    )?.workspaceId as string;
    const ask = async (user: string, variables: Record<string, unknown>) =>
      (await env.gateway.query(CONTRACT_ROOT_CAUSES, { variables, headers: env.as(user) })).body;

    const alice = await ask("alice", { contractId });
    expect(alice.errors).toBeUndefined();
    const report = alice.data?.rootCauses as ContractReport;
    expect([...report.workspaceIds].sort()).toEqual([workspaceId, sandbox].sort());
    expect(report.skippedWorkspaceIds).toEqual([]);
    expectCauses(report.rootCauses, EXPECTED_CONTRACT_ROOT_CAUSES);
    const host = report.rootCauses.find((cause) => cause.kind === "EXTERNAL_HOST");
    expect(new Set(host?.flows.map((flow) => flow.workspaceId))).toEqual(new Set([workspaceId, sandbox]));

    // Gina sees the contract, is a guest in production (no logs) and not in the sandbox: nothing read, one skipped.
    const gina = await ask("gina", { contractId });
    expect(gina.errors).toBeUndefined();
    expect(gina.data?.rootCauses).toMatchObject({
      workspaceIds: [],
      skippedWorkspaceIds: [workspaceId],
      rootCauses: [],
    });

    const bob = await ask("bob", { contractId });
    expect(bob.data?.rootCauses ?? null).toBeNull();
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(bob.errors?.[0]?.extensions?.code);

    for (const variables of [{}, { contractId, workspaceId }]) {
      const both = await ask("alice", variables);
      expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    }
  });
});
