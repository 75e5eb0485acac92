import { describe, expect, it } from "vitest";
import { checkDraft, codesAt, completeTicket, minutesFromNow, submit } from "./testing/ticket-fixtures.js";
import { TICKET_PRIORITIES } from "./ticket-priority.js";

describe("priority", () => {
  it("accepts each priority", () => {
    for (const priority of TICKET_PRIORITIES) expect(submit(completeTicket({ priority }))).toEqual([]);
  });

  it("is required at submission, optional in a draft", () => {
    expect(codesAt(submit(completeTicket({ priority: undefined })), "priority")).toEqual(["REQUIRED"]);
    expect(checkDraft({})).toEqual([]);
  });

  it("must be one of the priorities", () => {
    expect(codesAt(checkDraft({ priority: "P1" }), "priority")).toEqual(["INVALID_VALUE"]);
    expect(codesAt(checkDraft({ priority: "high" }), "priority")).toEqual(["INVALID_VALUE"]);
    expect(codesAt(checkDraft({ priority: 1 }), "priority")).toEqual(["INVALID_VALUE"]);
  });

  it("takes a needed-by time that lies in the future at submission", () => {
    expect(codesAt(submit(completeTicket({ neededBy: minutesFromNow(-1) })), "neededBy")).toEqual([
      "NOT_IN_FUTURE",
    ]);
    expect(codesAt(checkDraft({ neededBy: minutesFromNow(-1) }), "neededBy")).toEqual([]);
    expect(codesAt(checkDraft({ neededBy: "tomorrow" }), "neededBy")).toEqual(["INVALID_DATE_TIME"]);
  });
});

describe("blocker and deadline", () => {
  it("requires the blocker flag at submission, as a boolean", () => {
    expect(codesAt(submit(completeTicket({ isBlocker: undefined })), "isBlocker")).toEqual(["REQUIRED"]);
    expect(codesAt(checkDraft({ isBlocker: "yes" }), "isBlocker")).toEqual(["WRONG_TYPE"]);
  });

  it("requires the impact and the deadline for a blocker", () => {
    const problems = submit(completeTicket({ blockerImpact: undefined, deadline: undefined }));
    expect(codesAt(problems, "blockerImpact")).toEqual(["REQUIRED"]);
    expect(codesAt(problems, "deadline")).toEqual(["REQUIRED"]);
  });

  it("requires neither when the issue is not a blocker", () => {
    expect(
      submit(completeTicket({ isBlocker: false, blockerImpact: undefined, deadline: undefined })),
    ).toEqual([]);
  });

  it("wants a real explanation of the impact", () => {
    expect(codesAt(submit(completeTicket({ blockerImpact: "bad" })), "blockerImpact")).toEqual(["TOO_SHORT"]);
  });

  it("wants the deadline in the future at submission, with a time zone", () => {
    expect(codesAt(submit(completeTicket({ deadline: minutesFromNow(-60) })), "deadline")).toEqual([
      "NOT_IN_FUTURE",
    ]);
    expect(codesAt(checkDraft({ deadline: minutesFromNow(-60) }), "deadline")).toEqual([]);
    expect(codesAt(checkDraft({ deadline: "2026-04-01T17:00" }), "deadline")).toEqual(["MISSING_TIME_ZONE"]);
    expect(submit(completeTicket({ isBlocker: false, deadline: minutesFromNow(60 * 24) }))).toEqual([]);
  });
});
