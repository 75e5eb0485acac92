import { describe, expect, it } from "vitest";
import { log, makeFlow, NOW } from "../testing/diagnosis-fixtures.js";
import { walkThrough } from "./walk-through.js";

const flow = makeFlow();

describe("walkThrough", () => {
  it("walks the most recent failing execution and names the first step that breaks", () => {
    const logs = [
      log("step_1", 30, "received", 50, "t-old"),
      log("step_2", 30, "ok", 49, "t-old"),
      log("step_3", 30, "sent", 48, "t-old"),
      log("step_1", 30, "received", 10, "t-new"),
      log("step_2", 50, "Code: 401 Message: Unauthorized", 9, "t-new"),
    ];
    const walk = walkThrough(flow, logs, undefined, NOW);
    expect(walk.executionId).toBe("t-new");
    expect(walk.firstFailingStepId).toBe("step_2");
    expect(walk.steps.map((step) => step.state)).toEqual(["SUCCEEDED", "FAILED", "NOT_REACHED"]);
    expect(walk.steps[1]).toMatchObject({
      executionsReached: 2,
      executionsFailed: 1,
      firstError: { message: "Code: 401 Message: Unauthorized" },
    });
    expect(walk.steps[2]?.lastLogAt).toBe(logs[2]?.timestamp);
  });

  it("marks a step stuck when messages wait and it has not logged for a while", () => {
    const logs = [log("step_1", 30, "received", 5, "t1"), log("step_2", 30, "ok", 120, "t0")];
    const queues = {
      flowId: flow.id,
      steps: [{ stepId: "step_2", total: 900, ready: 900, unacked: 0, rebounds: 0 }],
    };
    const walk = walkThrough(flow, logs, queues, NOW);
    expect(walk.executionId).toBeUndefined();
    expect(walk.steps.map((step) => step.state)).toEqual(["SUCCEEDED", "STUCK", "NOT_REACHED"]);
    expect(walk.firstFailingStepId).toBe("step_2");
    expect(walk.steps[1]?.queue?.ready).toBe(900);
  });

  it("reports a healthy window with no failing step", () => {
    const logs = ["step_1", "step_2", "step_3"].map((stepId, index) =>
      log(stepId, 30, "fine", 30 - index, "t1"),
    );
    const walk = walkThrough(flow, logs, undefined, NOW);
    expect(walk.firstFailingStepId).toBeUndefined();
    expect(walk.steps.every((step) => step.state === "SUCCEEDED")).toBe(true);
  });

  it("calls steps without logs idle, not failed, when nothing broke before them", () => {
    const walk = walkThrough(flow, [log("step_1", 30, "fine", 3, "t1")], undefined, NOW);
    expect(walk.steps.map((step) => step.state)).toEqual(["SUCCEEDED", "IDLE", "IDLE"]);
  });
});
