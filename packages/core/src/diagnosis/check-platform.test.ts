import { describe, expect, it } from "vitest";
import { contract, makeFlow, minutesAgo, NOW, workspace } from "../testing/diagnosis-fixtures.js";
import { checkContract, checkFlowState, checkLimitedWorkspace, checkQueues } from "./check-platform.js";

describe("platform checks", () => {
  it("fails on a suspended contract and is silent on an active one", () => {
    expect(checkContract(contract("active"))).toEqual([]);
    const [finding] = checkContract(contract("suspended"));
    expect(finding).toMatchObject({ status: "FAIL", cause: "CONTRACT_SUSPENDED", level: "PLATFORM" });
  });

  it("fails on a suspended flow by either status", () => {
    expect(checkFlowState(makeFlow())).toEqual([]);
    expect(checkFlowState(makeFlow({ currentStatus: "suspended" }))[0]?.cause).toBe("FLOW_SUSPENDED");
    expect(checkFlowState(makeFlow({ status: "suspended" }))[0]?.status).toBe("FAIL");
  });

  it("recognises a limited-workspace flow stopped 8 h after its start, and nothing earlier", () => {
    const stopped = makeFlow({
      status: "inactive",
      currentStatus: "inactive",
      lastStartTime: minutesAgo(8 * 60 + 5),
    });
    expect(checkLimitedWorkspace(stopped, workspace("limited"), NOW)[0]?.cause).toBe(
      "LIMITED_WORKSPACE_STOPPED",
    );
    expect(checkLimitedWorkspace(stopped, workspace("full"), NOW)).toEqual([]);
    const recent = makeFlow({ status: "inactive", lastStartTime: minutesAgo(60) });
    expect(checkLimitedWorkspace(recent, workspace("limited"), NOW)).toEqual([]);
    expect(checkLimitedWorkspace(makeFlow(), workspace("limited"), NOW)).toEqual([]);
  });

  it("grades queues against the limits: warn from 50 %, fail from 80 %, and reports rebounds", () => {
    const findings = checkQueues({
      flowId: "f",
      steps: [
        { stepId: "step_1", total: 10, ready: 10, unacked: 0, rebounds: 0 },
        { stepId: "step_2", total: 40_000, ready: 39_000, unacked: 1, rebounds: 0 },
        { stepId: "step_3", total: 61_000, ready: 61_000, unacked: 0, rebounds: 0 },
        { stepId: "step_4", total: 5, ready: 0, unacked: 0, rebounds: 3, bytes: 190 * 1024 * 1024 },
      ],
    });
    expect(findings.map((finding) => [finding.stepId, finding.status, finding.cause])).toEqual([
      ["step_2", "WARN", "QUEUE_OVERFLOW"],
      ["step_3", "FAIL", "QUEUE_OVERFLOW"],
      ["step_4", "FAIL", "QUEUE_OVERFLOW"],
      ["step_4", "WARN", "REBOUND_EXHAUSTED"],
    ]);
  });

  it("fails past 80 % only when a step's runtime library lets the platform suspend the flow", () => {
    const queues = {
      flowId: "f",
      steps: [
        { stepId: "step_2", total: 61_000, ready: 61_000, unacked: 0, rebounds: 0 },
        { stepId: "step_3", total: 75_000, ready: 75_000, unacked: 0, rebounds: 0 },
      ],
    };
    const graded = (behaviour: "throttles" | "suspends" | "unknown") =>
      checkQueues(queues, behaviour).map((finding) => [finding.stepId, finding.status]);
    expect(graded("throttles")).toEqual([
      ["step_2", "WARN"],
      ["step_3", "FAIL"],
    ]);
    expect(graded("suspends")).toEqual([
      ["step_2", "FAIL"],
      ["step_3", "FAIL"],
    ]);
    expect(graded("unknown")).toEqual(graded("suspends"));
    const [throttled, full] = checkQueues(queues, "throttles");
    expect(throttled?.detail).toContain("not suspended");
    expect(full?.detail).toContain("publishing to it is throttled");
    expect(checkQueues(queues, "suspends")[0]?.detail).toContain("suspends the flow");
  });
});
