import { describe, expect, it } from "vitest";
import { checkDraft, codesAt, completeTicket, messageAt, submit } from "./testing/ticket-fixtures.js";
import { TICKET_LIMITS } from "./ticket-limits.js";

const DESCRIPTION =
  "The orders flow stops at the CRM upsert step since the CRM update. Expected: orders appear in the CRM.";

const titleCodes = (title: unknown, description: unknown = DESCRIPTION) =>
  codesAt(submit(completeTicket({ title, description })), "title");

describe("title rules", () => {
  it("accepts a short one-line title", () => {
    expect(titleCodes("Orders flow stops after the CRM update")).toEqual([]);
    expect(titleCodes("Sailor 2.7.8 upgrade breaks the mapper")).toEqual([]);
  });

  it("is required at submission, not in a draft", () => {
    expect(titleCodes(undefined)).toEqual(["REQUIRED"]);
    expect(codesAt(checkDraft({ description: DESCRIPTION }), "title")).toEqual([]);
  });

  it("must be text", () => {
    expect(titleCodes(["Orders"])).toEqual(["WRONG_TYPE"]);
  });

  it("is at most the title limit long", () => {
    expect(titleCodes("x".repeat(TICKET_LIMITS.titleMaxLength))).toEqual([]);
    expect(titleCodes("x".repeat(TICKET_LIMITS.titleMaxLength + 1))).toEqual(["TOO_LONG"]);
  });

  it("is a single line", () => {
    expect(titleCodes("Orders flow\nstops")).toEqual(["NOT_SINGLE_LINE"]);
  });

  it("is not several sentences", () => {
    expect(titleCodes("Orders flow stops. Nothing reaches the CRM. Please help")).toEqual([
      "TITLE_IS_DESCRIPTION",
    ]);
    const message = messageAt(submit(completeTicket({ title: "Flow stops. Help!" })), "title");
    expect(message).toContain("details belong in the description");
  });

  it("is not the description", () => {
    expect(titleCodes(DESCRIPTION.slice(0, 60), DESCRIPTION.slice(0, 60))).toEqual(["TITLE_IS_DESCRIPTION"]);
    expect(titleCodes("orders flow   stops", "Orders flow stops.")).toEqual(["TITLE_IS_DESCRIPTION"]);
  });

  it("is not the start of the description cut off mid-sentence", () => {
    expect(titleCodes("The orders flow stops at the CRM upsert step")).toEqual(["TITLE_IS_DESCRIPTION"]);
    const message = messageAt(
      submit(completeTicket({ title: "The orders flow stops", description: DESCRIPTION })),
      "title",
    );
    expect(message).toContain("cut off mid-sentence");
  });

  it("may be the description's complete first line or sentence", () => {
    expect(titleCodes("Orders flow stops", `Orders flow stops.\n${DESCRIPTION}`)).toEqual([]);
    expect(titleCodes("Orders flow stops", `Orders flow stops\n\n${DESCRIPTION}`)).toEqual([]);
    expect(titleCodes("Orders fail", `Orders failed twice today. ${DESCRIPTION}`)).toEqual([]);
  });

  it("holds no stack trace or log line", () => {
    const stack = "TypeError: x is not a function at Object.process (/home/node/lib/actions/upsert.js:12:5)";
    expect(titleCodes(stack)).toEqual(["TITLE_HAS_LOG"]);
    expect(titleCodes("2026-03-27T08:15:02.120Z ERROR step_2 Request failed")).toEqual(["TITLE_HAS_LOG"]);
    expect(titleCodes('{"level":50,"msg":"Request failed"}')).toEqual(["TITLE_HAS_LOG"]);
    expect(messageAt(submit(completeTicket({ title: stack })), "title")).toContain("stack trace");
  });

  it("holds no control characters", () => {
    expect(titleCodes("Orders\u0000 flow stops")).toEqual(["CONTROL_CHARACTER"]);
    expect(messageAt(submit(completeTicket({ title: "Orders\u0007" })), "title")).toContain(
      "U+0007 at position 6",
    );
  });
});

describe("description rules", () => {
  const descriptionCodes = (description: unknown) =>
    codesAt(submit(completeTicket({ title: "Orders flow stops", description })), "description");

  it("accepts a substantial description", () => {
    expect(descriptionCodes(DESCRIPTION)).toEqual([]);
  });

  it("is required at submission", () => {
    expect(descriptionCodes("")).toEqual(["REQUIRED"]);
  });

  it("is substantial: enough characters and words", () => {
    expect(descriptionCodes("It does not work.")).toEqual(["TOO_SHORT"]);
    expect(descriptionCodes("a".repeat(TICKET_LIMITS.descriptionMinLength + 10))).toEqual(["TOO_SHORT"]);
  });

  it("is at most the description limit long", () => {
    expect(descriptionCodes(`${DESCRIPTION} ${"x".repeat(TICKET_LIMITS.descriptionMaxLength)}`)).toEqual([
      "TOO_LONG",
    ]);
  });

  it("must be text without control characters", () => {
    expect(descriptionCodes({ text: DESCRIPTION })).toEqual(["WRONG_TYPE"]);
    expect(descriptionCodes(`${DESCRIPTION}\u0000`)).toEqual(["CONTROL_CHARACTER"]);
  });
});
