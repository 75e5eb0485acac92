import { describe, expect, it } from "vitest";
import {
  checkDraft,
  codesAt,
  completeTicket,
  messageAt,
  minutesFromNow,
  submit,
} from "./testing/ticket-fixtures.js";
import { TICKET_LIMITS } from "./ticket-limits.js";

const INCIDENT = "2026-03-27T08:15:00Z";

describe("timeline", () => {
  it("is required at submission when the issue is not easy to reproduce", () => {
    const problems = submit(completeTicket({ timeline: undefined, reproducible: false }));
    expect(codesAt(problems, "timeline")).toEqual(["REQUIRED"]);
    expect(messageAt(problems, "timeline")).toContain("not easy to reproduce");
    expect(codesAt(submit(completeTicket({ timeline: [], reproducible: false })), "timeline")).toEqual([
      "REQUIRED",
    ]);
  });

  it("is optional when reproducible or not said, and in a draft", () => {
    expect(submit(completeTicket({ timeline: undefined, reproducible: true }))).toEqual([]);
    expect(submit(completeTicket({ timeline: undefined, reproducible: undefined }))).toEqual([]);
    expect(checkDraft({ reproducible: false })).toEqual([]);
  });

  it("must include the incident time, in any time zone", () => {
    const without = [{ at: "2026-03-27T07:50:00Z", event: "CRM deployed a new version" }];
    const problems = submit(completeTicket({ timeline: without }));
    expect(codesAt(problems, "timeline")).toEqual(["INCIDENT_NOT_IN_TIMELINE"]);
    expect(messageAt(problems, "timeline")).toContain(INCIDENT);
    const inBerlin = [{ at: "2026-03-27T09:15:00.000+01:00", event: "First failed order" }];
    expect(submit(completeTicket({ timeline: inBerlin }))).toEqual([]);
  });

  it("accepts entries in any order", () => {
    const unordered = [
      { at: INCIDENT, event: "First failed order" },
      { at: "2026-03-27T07:50:00Z", event: "CRM deployed a new version" },
    ];
    expect(submit(completeTicket({ timeline: unordered }))).toEqual([]);
  });

  it("checks each entry's time and event at exact paths", () => {
    const timeline = [
      { at: INCIDENT, event: "First failed order" },
      { at: "2026-03-27T09:00:00", event: "Retried" },
      { at: minutesFromNow(60), event: "Scheduled restart" },
      { at: INCIDENT, event: "", note: "x" },
      "10:00 restarted",
    ];
    expect(submit(completeTicket({ timeline })).map(({ path, code }) => `${path} ${code}`)).toEqual([
      "timeline[1].at MISSING_TIME_ZONE",
      "timeline[2].at IN_FUTURE",
      "timeline[3].note UNKNOWN_FIELD",
      "timeline[3].event REQUIRED",
      "timeline[4] WRONG_TYPE",
    ]);
  });

  it("is a list of limited length", () => {
    expect(codesAt(checkDraft({ timeline: { at: INCIDENT } }), "timeline")).toEqual(["WRONG_TYPE"]);
    const many = Array.from({ length: TICKET_LIMITS.timelineMaxEntries + 1 }, () => ({
      at: INCIDENT,
      event: "x",
    }));
    expect(codesAt(checkDraft({ timeline: many }), "timeline")).toEqual(["TOO_MANY"]);
  });
});

describe("error report", () => {
  it("accepts a UI or e-mail report with an optional received time", () => {
    expect(
      checkDraft({ errorReport: { source: "ui", text: "Component run out of memory and terminated" } }),
    ).toEqual([]);
    expect(
      checkDraft({ errorReport: { source: "email", text: "Flow suspended", receivedAt: INCIDENT } }),
    ).toEqual([]);
  });

  it("checks source, text and received time at exact paths", () => {
    const problems = checkDraft({
      errorReport: { source: "sms", text: "screenshot.png", receivedAt: "today" },
    });
    expect(problems.map(({ path, code }) => `${path} ${code}`)).toEqual([
      "errorReport.source INVALID_VALUE",
      "errorReport.text NOT_TEXT",
      "errorReport.receivedAt INVALID_DATE_TIME",
    ]);
    expect(messageAt(problems, "errorReport.source")).toContain('"ui", "email"');
  });

  it("needs source and text, and must be an object", () => {
    const problems = checkDraft({ errorReport: {} });
    expect(codesAt(problems, "errorReport.source")).toEqual(["REQUIRED"]);
    expect(codesAt(problems, "errorReport.text")).toEqual(["REQUIRED"]);
    expect(codesAt(checkDraft({ errorReport: "It failed" }), "errorReport")).toEqual(["WRONG_TYPE"]);
  });
});
