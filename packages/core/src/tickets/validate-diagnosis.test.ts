import { describe, expect, it } from "vitest";
import { checkDraft, codesAt, completeTicket, messageAt, submit } from "./testing/ticket-fixtures.js";

const evidence = (overrides: Record<string, unknown> = {}) => ({
  flowSuspended: false,
  lastLogAtPerStep: { step_1: "2026-03-27T08:00:00Z", step_2: "2026-03-27T07:00:00+01:00" },
  containersRunning: { step_1: true, step_2: false },
  queueStats: [{ stepId: "step_2", total: 1200, ready: 1200, unacked: 0, rebounds: 4, bytes: 52_000 }],
  ...overrides,
});

describe("troubleshooting level and cause", () => {
  it("accept taxonomy codes that agree", () => {
    expect(checkDraft({ troubleshootingLevel: "PLATFORM", cause: "OUT_OF_MEMORY" })).toEqual([]);
    expect(checkDraft({ troubleshootingLevel: "UNCLASSIFIED" })).toEqual([]);
  });

  it("reject unknown codes", () => {
    expect(codesAt(checkDraft({ troubleshootingLevel: "platform" }), "troubleshootingLevel")).toEqual([
      "INVALID_VALUE",
    ]);
    expect(codesAt(checkDraft({ cause: "OOM" }), "cause")).toEqual(["INVALID_VALUE"]);
  });

  it("report a level that contradicts the cause", () => {
    const problems = checkDraft({ troubleshootingLevel: "INTEGRATION_LOGIC", cause: "OUT_OF_MEMORY" });
    expect(codesAt(problems, "troubleshootingLevel")).toEqual(["LEVEL_MISMATCH"]);
    expect(messageAt(problems, "troubleshootingLevel")).toContain("PLATFORM");
  });

  it("take support access as a boolean", () => {
    expect(codesAt(checkDraft({ supportAccessGranted: "true" }), "supportAccessGranted")).toEqual([
      "WRONG_TYPE",
    ]);
  });
});

describe("stuck-message evidence", () => {
  it("accepts complete evidence", () => {
    expect(submit(completeTicket({ stuckMessageEvidence: evidence() }))).toEqual([]);
  });

  it("reports problems at exact paths, quoting step ids that are not identifiers", () => {
    const bad = evidence({
      flowSuspended: undefined,
      lastLogAtPerStep: { step_1: "2026-03-27 08:00", "step-2": "later" },
      containersRunning: { step_1: "yes" },
      queueStats: [{ stepId: "step_2", total: -1, ready: 0, unacked: 0, rebounds: 1.5 }, { total: 0 }],
    });
    expect(checkDraft({ stuckMessageEvidence: bad }).map(({ path, code }) => `${path} ${code}`)).toEqual([
      "stuckMessageEvidence.flowSuspended REQUIRED",
      "stuckMessageEvidence.lastLogAtPerStep.step_1 MISSING_TIME_ZONE",
      'stuckMessageEvidence.lastLogAtPerStep["step-2"] INVALID_DATE_TIME',
      "stuckMessageEvidence.containersRunning.step_1 WRONG_TYPE",
      "stuckMessageEvidence.queueStats[0].total WRONG_TYPE",
      "stuckMessageEvidence.queueStats[0].rebounds WRONG_TYPE",
      "stuckMessageEvidence.queueStats[1].stepId REQUIRED",
      "stuckMessageEvidence.queueStats[1].ready WRONG_TYPE",
      "stuckMessageEvidence.queueStats[1].unacked WRONG_TYPE",
      "stuckMessageEvidence.queueStats[1].rebounds WRONG_TYPE",
    ]);
  });

  it("needs its maps and must be an object", () => {
    const problems = checkDraft({ stuckMessageEvidence: { flowSuspended: true } });
    expect(codesAt(problems, "stuckMessageEvidence.lastLogAtPerStep")).toEqual(["REQUIRED"]);
    expect(codesAt(problems, "stuckMessageEvidence.containersRunning")).toEqual(["REQUIRED"]);
    expect(codesAt(checkDraft({ stuckMessageEvidence: true }), "stuckMessageEvidence")).toEqual([
      "WRONG_TYPE",
    ]);
  });
});
