import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import { TICKET_LIMITS } from "./ticket-limits.js";
import { ticketSubject } from "./ticket-subject.js";

describe("ticketSubject", () => {
  it("prefixes the number and keeps the title on one line", () => {
    expect(ticketSubject(42, "Orders flow stops")).toBe("[Flowdoctor #42] Orders flow stops");
    expect(ticketSubject(7, "  Orders\n flow\tstops ")).toBe("[Flowdoctor #7] Orders flow stops");
  });

  it("says when there is no title", () => {
    expect(ticketSubject(1, "  ")).toBe("[Flowdoctor #1] (no title)");
    expect(ticketSubject(1, undefined)).toBe("[Flowdoctor #1] (no title)");
  });

  it("cuts long titles with an ellipsis", () => {
    const subject = ticketSubject(3, "word ".repeat(60));
    const title = subject.slice("[Flowdoctor #3] ".length);
    expect(title.length).toBeLessThanOrEqual(TICKET_LIMITS.titleMaxLength);
    expect(title.endsWith("word…")).toBe(true);
  });

  it("rejects numbers that are not positive whole numbers", () => {
    for (const number of [0, -1, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        ticketSubject(number, "x");
      } catch (error) {
        caught = error;
      }
      expect(isCoreError(caught) && caught.code).toBe("CORE_INVALID_INPUT");
    }
  });
});
