import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import { checkDraft, codesAt, completeTicket, NOW, submit } from "./testing/ticket-fixtures.js";
import { TICKET_FIELDS } from "./ticket-limits.js";
import { TICKET_PROBLEM_CODES } from "./ticket-problem.js";
import { validateTicket } from "./validate-ticket.js";

const REQUIRED_ALWAYS = [
  "title",
  "description",
  "contractId",
  "workspaceId",
  "firstObservedAt",
  "docsChecked",
  "priority",
  "isBlocker",
];

describe("validateTicket", () => {
  it("accepts a complete ticket in both modes", () => {
    expect(submit(completeTicket())).toEqual([]);
    expect(checkDraft(completeTicket())).toEqual([]);
  });

  it.each([
    [null, "null"],
    [undefined, "undefined"],
    ["a ticket", "text"],
    [42, "a number"],
    [[completeTicket()], "a list"],
  ])("reports a non-object ticket (%s) as one problem naming what it got", (input, got) => {
    for (const problems of [submit(input), checkDraft(input)]) {
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ path: "", code: "WRONG_TYPE" });
      expect(problems[0]?.message).toContain(`not ${got}`);
    }
  });

  it("requires the guide's fields at submission, in the guide's order, and nothing in a draft", () => {
    const problems = submit({});
    expect(problems.map((problem) => problem.path)).toEqual(REQUIRED_ALWAYS);
    expect(new Set(problems.map((problem) => problem.code))).toEqual(new Set(["REQUIRED"]));
    expect(checkDraft({})).toEqual([]);
  });

  it("reads null and blank text as not given", () => {
    const blanks = Object.fromEntries(
      REQUIRED_ALWAYS.map((field) => [field, field === "title" ? "   " : null]),
    );
    expect(submit(blanks).map((problem) => problem.path)).toEqual(REQUIRED_ALWAYS);
    expect(checkDraft(blanks)).toEqual([]);
  });

  it("reports every problem at once with exact paths", () => {
    const ticket = completeTicket({
      title: "Line one\nline two",
      contractId: "not-an-id",
      timeline: [
        { at: "2026-03-27T09:15:00+01:00", event: "First failed order" },
        { at: "yesterday", event: "" },
      ],
      screenshots: [{ name: "log.txt", mediaType: "text/plain", sizeBytes: 10 }],
      priority: "P1",
      cause: "OOM",
      colour: "red",
    });
    expect(submit(ticket).map(({ path, code }) => `${path} ${code}`)).toEqual([
      "title NOT_SINGLE_LINE",
      "contractId INVALID_OBJECT_ID",
      "screenshots[0].mediaType UNSUPPORTED_MEDIA_TYPE",
      "timeline[1].event REQUIRED",
      "timeline[1].at INVALID_DATE_TIME",
      "priority INVALID_VALUE",
      "cause INVALID_VALUE",
      "colour UNKNOWN_FIELD",
    ]);
  });

  it("checks well-formedness in draft mode", () => {
    const problems = checkDraft({ title: 7, contractId: "123", firstObservedAt: "2026-03-27 10:00" });
    expect(problems.map(({ path, code }) => `${path} ${code}`)).toEqual([
      "title WRONG_TYPE",
      "contractId INVALID_OBJECT_ID",
      "firstObservedAt MISSING_TIME_ZONE",
    ]);
  });

  it("writes messages for people: they name the field and say what to do", () => {
    const [problem] = submit(completeTicket({ firstObservedAt: undefined }));
    expect(problem?.message).toBe(
      "First observed time is required: when did you first see the error? Give the date, the time and the time zone.",
    );
    expect(codesAt(submit(completeTicket({ priority: "P1" })), "priority")).toEqual(["INVALID_VALUE"]);
  });

  it("does not change its input", () => {
    const ticket = structuredClone(completeTicket({ title: "Flow fails. Help me." }));
    const before = structuredClone(ticket);
    submit(ticket);
    expect(ticket).toEqual(before);
  });

  it("never throws and always returns well-formed problems, whatever it is given", () => {
    const fieldValue = fc.oneof(
      fc.anything(),
      fc.string(),
      fc.array(fc.anything()),
      fc.dictionary(fc.string(), fc.anything()),
    );
    const ticketLike = fc.dictionary(fc.constantFrom(...TICKET_FIELDS, "extra"), fieldValue);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), ticketLike), fc.boolean(), (input, isDraft) => {
        const problems = isDraft ? checkDraft(input) : submit(input);
        for (const problem of problems) {
          expect(TICKET_PROBLEM_CODES).toContain(problem.code);
          expect(typeof problem.path).toBe("string");
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("rejects invalid options with a core error naming the option", () => {
    const expectInvalid = (run: () => unknown, field: string) => {
      try {
        run();
        expect.unreachable("validateTicket accepted invalid options");
      } catch (error) {
        expect(isCoreError(error) && error.code).toBe("CORE_INVALID_INPUT");
        expect((error as Error).message).toContain(field);
      }
    };
    expectInvalid(() => validateTicket({}, { mode: "strict" as "draft", now: NOW }), "options.mode");
    expectInvalid(() => validateTicket({}, { mode: "draft", now: new Date("nope") }), "options.now");
    expectInvalid(
      () => validateTicket({}, { mode: "draft", now: "2026-03-27" as unknown as Date }),
      "options.now",
    );
    expectInvalid(() => validateTicket({}, null as unknown as { mode: "draft"; now: Date }), "options.mode");
  });
});
