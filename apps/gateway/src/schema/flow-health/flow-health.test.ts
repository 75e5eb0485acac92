import { HEALTH_FLOWS, healthFlowId } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";

const FLOW_HEALTH = `query Health($workspaceId: ID!) {
  flowHealth(workspaceId: $workspaceId) {
    from to entriesRead truncated
    flows { flowId flowName status flagged baseline baselineDays expected seen since stepId confidence summary }
  }
}`;

interface Health {
  flowId: string;
  status: string;
  flagged: boolean;
  baseline: string;
  expected: number;
  seen: number;
  since: string | null;
  stepId: string | null;
  confidence: number;
  summary: string;
}

describe("flowHealth over the emulator's health scenario (14 days of rhythms ending at the emulator's clock)", () => {
  let env: EmulatorGateway;
  let report: { from: string; to: string; entriesRead: number; truncated: boolean; flows: Health[] };
  const of = (key: string): Health | undefined =>
    report.flows.find((flow) => flow.flowId === healthFlowId(key));

  beforeAll(async () => {
    env = await startEmulatorGateway({}, "health");
    const workspaceId = env.emulator.scenario.flows.find((flow) => flow.id === healthFlowId("hl-lulls"))
      ?.workspaceId as string;
    env.emulator.resetRequests();
    const { body } = await env.gateway.query(FLOW_HEALTH, {
      variables: { workspaceId },
      headers: env.as("alice"),
    });
    expect(body.errors).toBeUndefined();
    report = body.data?.flowHealth as typeof report;
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  it("gives every flow the status it was built to show, whatever the day and hour", () => {
    const got = Object.fromEntries(HEALTH_FLOWS.map((spec) => [spec.key, of(spec.key)?.status]));
    expect(got).toEqual(Object.fromEntries(HEALTH_FLOWS.map((spec) => [spec.key, spec.expected])));
  });

  it("stays silent about nights, weekends, bursts, lulls and a stopped flow", () => {
    for (const key of ["hl-business-hours", "hl-bursty", "hl-lulls", "hl-nightly-report", "hl-stopped"])
      expect(of(key)?.flagged, key).toBe(false);
    expect(report.flows.filter((flow) => flow.flagged)).toHaveLength(4);
    expect(report.flows.slice(0, 4).every((flow) => flow.flagged)).toBe(true);
  });

  it("says expected against seen, since when, and how sure, for each flagged flow", () => {
    const now = Date.parse(report.to);
    const hook = of("hl-orders-hook");
    expect(hook).toMatchObject({ baseline: "RHYTHM", seen: 0 });
    expect(hook?.expected).toBeGreaterThanOrEqual(8);
    expect(now - Date.parse(hook?.since ?? "")).toBeGreaterThan(2.9 * 3_600_000);
    expect(hook?.confidence).toBeGreaterThan(0.99);
    const cron = of("hl-hourly-export");
    expect(cron).toMatchObject({ baseline: "SCHEDULE", seen: 0 });
    expect(cron?.expected).toBeGreaterThanOrEqual(3);
    expect(new Date(cron?.since ?? "").getUTCMinutes()).toBe(0);
    expect(cron?.summary).toContain("0 * * * *");
    const stuck = of("hl-stuck-consumer");
    expect(stuck).toMatchObject({ stepId: "step_2", seen: 0 });
    expect(stuck?.summary).toContain("12 wait in its queue");
    expect(of("hl-nightly-report")).toMatchObject({ baseline: "SCHEDULE", status: "OK" });
  });

  it("reads 14 days of history day by day, once, with one flow listing and queue stats for active flows only", () => {
    expect((Date.parse(report.to) - Date.parse(report.from)) / 86_400_000).toBe(14);
    expect(report.truncated).toBe(false);
    expect(report.entriesRead).toBeGreaterThan(10_000);
    const calls = env.upstreamCalls();
    expect(calls.filter((call) => call === "GET /v2/flows")).toHaveLength(1);
    expect(calls.filter((call) => call.startsWith("GET /v2/stats/queues/"))).toHaveLength(
      HEALTH_FLOWS.length - 1,
    );
    const logReads = calls.filter((call) => call === "GET /v2/logs").length;
    expect(logReads).toBeGreaterThanOrEqual(14);
    expect(logReads).toBeLessThanOrEqual(14 + Math.ceil(report.entriesRead / 1000));
  });
});
