import { describe, expect, it } from "vitest";
import { missingForSubmission } from "./missing-for-submission.js";
import { completeTicket, submit } from "./testing/ticket-fixtures.js";

const fields = (draft: unknown) => missingForSubmission(draft as never).map((missing) => missing.field);

describe("missingForSubmission", () => {
  it("is empty for a complete ticket", () => {
    expect(missingForSubmission(completeTicket())).toEqual([]);
  });

  it("lists what only the reporter can give, in the guide's order, with a question each", () => {
    const missing = missingForSubmission({});
    expect(missing.map((item) => item.field)).toEqual([
      "title",
      "description",
      "firstObservedAt",
      "docsChecked",
      "priority",
      "isBlocker",
    ]);
    for (const item of missing) expect(item.question).toMatch(/\?/);
    expect(missing.find((item) => item.field === "priority")?.question).toContain("Urgent: within hours");
  });

  it("leaves out what the diagnosis can gather, which validation still requires", () => {
    const draft = completeTicket({ contractId: undefined, errorText: undefined, firstObservedAt: undefined });
    // The logs give the first-observed time; when they did not (no error in the window), only the reporter can.
    expect(fields(draft)).toEqual(["firstObservedAt"]);
    expect(submit(draft).map((problem) => problem.path)).toEqual([
      "contractId",
      "errorText",
      "firstObservedAt",
    ]);
  });

  it("follows the conditions: pages when docs were checked, timeline when not reproducible, blocker details", () => {
    const draft = completeTicket({
      docsConsulted: [],
      timeline: undefined,
      blockerImpact: " ",
      deadline: null,
    });
    expect(fields(draft)).toEqual(["docsConsulted", "timeline", "blockerImpact", "deadline"]);
    const relaxed = completeTicket({
      docsChecked: false,
      docsConsulted: undefined,
      reproducible: true,
      timeline: undefined,
      isBlocker: false,
      blockerImpact: undefined,
      deadline: undefined,
    });
    expect(fields(relaxed)).toEqual([]);
  });

  it("agrees with submission validation on what is required", () => {
    const draft = { reproducible: false, docsChecked: true, isBlocker: true };
    const required = submit(draft)
      .filter((problem) => problem.code === "REQUIRED")
      .map((problem) => problem.path);
    for (const field of fields(draft)) expect(required).toContain(field);
  });

  it("treats a non-object as empty", () => {
    expect(fields(null)).toEqual([
      "title",
      "description",
      "firstObservedAt",
      "docsChecked",
      "priority",
      "isBlocker",
    ]);
  });
});
