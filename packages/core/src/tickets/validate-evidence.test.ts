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

const screenshot = (overrides: Record<string, unknown> = {}) => ({
  name: "errors-tab.png",
  mediaType: "image/png",
  sizeBytes: 2048,
  ...overrides,
});

describe("steps to reproduce and reproducible", () => {
  it("accepts a list of steps and a boolean", () => {
    expect(checkDraft({ stepsToReproduce: ["Start the flow"], reproducible: true })).toEqual([]);
  });

  it("reports a wrong list, wrong entries and too many entries at their paths", () => {
    expect(codesAt(checkDraft({ stepsToReproduce: "Start it" }), "stepsToReproduce")).toEqual(["WRONG_TYPE"]);
    const problems = checkDraft({ stepsToReproduce: ["Start the flow", 2, " "] });
    expect(codesAt(problems, "stepsToReproduce[1]")).toEqual(["WRONG_TYPE"]);
    expect(codesAt(problems, "stepsToReproduce[2]")).toEqual(["REQUIRED"]);
    const many = Array.from({ length: TICKET_LIMITS.stepsToReproduceMaxItems + 1 }, (_, i) => `Step ${i}`);
    expect(codesAt(checkDraft({ stepsToReproduce: many }), "stepsToReproduce")).toEqual(["TOO_MANY"]);
  });

  it("wants reproducible as a boolean", () => {
    expect(codesAt(checkDraft({ reproducible: "no" }), "reproducible")).toEqual(["WRONG_TYPE"]);
  });
});

describe("screenshots", () => {
  it("accept PNG and JPEG references with a storage reference", () => {
    const screenshots = [
      screenshot(),
      screenshot({ name: "flow.jpg", mediaType: "image/jpeg", ref: "tickets/1/flow.jpg" }),
    ];
    expect(checkDraft({ screenshots })).toEqual([]);
  });

  it("must be images", () => {
    for (const mediaType of ["image/gif", "text/plain", "application/pdf"]) {
      const problems = checkDraft({ screenshots: [screenshot({ mediaType })] });
      expect(codesAt(problems, "screenshots[0].mediaType")).toEqual(["UNSUPPORTED_MEDIA_TYPE"]);
    }
    expect(
      codesAt(checkDraft({ screenshots: [screenshot({ mediaType: 3 })] }), "screenshots[0].mediaType"),
    ).toEqual(["INVALID_VALUE"]);
  });

  it("have a size limit and a positive whole size", () => {
    const big = screenshot({ sizeBytes: TICKET_LIMITS.screenshotMaxBytes + 1 });
    expect(codesAt(checkDraft({ screenshots: [big] }), "screenshots[0].sizeBytes")).toEqual(["TOO_LARGE"]);
    const exact = screenshot({ sizeBytes: TICKET_LIMITS.screenshotMaxBytes });
    expect(checkDraft({ screenshots: [exact] })).toEqual([]);
    for (const sizeBytes of [0, -1, 1.5, "2048"]) {
      expect(
        codesAt(checkDraft({ screenshots: [screenshot({ sizeBytes })] }), "screenshots[0].sizeBytes"),
      ).toEqual(["WRONG_TYPE"]);
    }
  });

  it("need a name, media type and size, carry no bytes, and are limited in number", () => {
    const problems = checkDraft({ screenshots: [screenshot(), { data: "iVBORw0KGgo=" }] });
    expect(problems.map(({ path, code }) => `${path} ${code}`)).toEqual([
      "screenshots[1].data UNKNOWN_FIELD",
      "screenshots[1].name REQUIRED",
      "screenshots[1].mediaType REQUIRED",
      "screenshots[1].sizeBytes REQUIRED",
    ]);
    expect(codesAt(checkDraft({ screenshots: ["a.png"] }), "screenshots[0]")).toEqual(["WRONG_TYPE"]);
    const many = Array.from({ length: TICKET_LIMITS.screenshotsMaxItems + 1 }, () => screenshot());
    expect(codesAt(checkDraft({ screenshots: many }), "screenshots")).toEqual(["TOO_MANY"]);
  });
});

describe("logs", () => {
  it("accept plain text with colour codes", () => {
    expect(checkDraft({ logs: "\u001B[31mERROR\u001B[0m step_2 failed\n\tat x.js:1:1\r\n" })).toEqual([]);
  });

  it("must be text, not a screenshot or an image reference", () => {
    expect(codesAt(checkDraft({ logs: "logs.png" }), "logs")).toEqual(["NOT_TEXT"]);
    expect(codesAt(checkDraft({ logs: "data:image/jpeg;base64,/9j/4AAQ" }), "logs")).toEqual(["NOT_TEXT"]);
    expect(messageAt(checkDraft({ logs: "logs.png" }), "logs")).toContain("paste the text itself");
    expect(codesAt(checkDraft({ logs: ["line 1"] }), "logs")).toEqual(["WRONG_TYPE"]);
  });

  it("hold no binary data and respect the size limit", () => {
    expect(codesAt(checkDraft({ logs: "PK\u0003\u0004 zip" }), "logs")).toEqual(["CONTROL_CHARACTER"]);
    expect(codesAt(checkDraft({ logs: "ab\n".repeat(TICKET_LIMITS.logsMaxLength / 3 + 1) }), "logs")).toEqual(
      ["TOO_LONG"],
    );
  });
});

describe("error text", () => {
  it("is required at submission when there is an error report or an error-message cause", () => {
    expect(codesAt(submit(completeTicket({ errorText: undefined })), "errorText")).toEqual(["REQUIRED"]);
    const noReport = completeTicket({ errorText: undefined, errorReport: undefined });
    expect(codesAt(submit(noReport), "errorText")).toEqual(["REQUIRED"]);
  });

  it("is not required for state causes without an error report, nor in a draft", () => {
    const suspended = completeTicket({
      errorText: undefined,
      errorReport: undefined,
      troubleshootingLevel: "PLATFORM",
      cause: "FLOW_SUSPENDED",
    });
    expect(codesAt(submit(suspended), "errorText")).toEqual([]);
    expect(codesAt(checkDraft({ errorReport: { source: "ui", text: "boom" } }), "errorText")).toEqual([]);
  });

  it("must be text, not an image", () => {
    const url = "https://files.example.io/uploads/error-screenshot.jpeg";
    expect(codesAt(checkDraft({ errorText: url }), "errorText")).toEqual(["NOT_TEXT"]);
    expect(codesAt(checkDraft({ errorText: "QUJD".repeat(40) }), "errorText")).toEqual(["NOT_TEXT"]);
    expect(checkDraft({ errorText: "Failed to upload invoice.png: ECONNRESET" })).toEqual([]);
    const tokenUrl = "https://files.example.io/shot.png?token=s3cr3t-value";
    expect(messageAt(checkDraft({ errorText: tokenUrl }), "errorText")).not.toContain("s3cr3t");
    expect(
      codesAt(checkDraft({ errorText: "no ".repeat(TICKET_LIMITS.errorTextMaxLength / 3 + 1) }), "errorText"),
    ).toEqual(["TOO_LONG"]);
  });
});

describe("first observed", () => {
  const firstObservedCodes = (firstObservedAt: unknown) =>
    codesAt(
      submit(completeTicket({ firstObservedAt, timeline: undefined, reproducible: true })),
      "firstObservedAt",
    );

  it("accepts ISO times with Z or an offset", () => {
    expect(firstObservedCodes("2026-03-27T08:15:00Z")).toEqual([]);
    expect(firstObservedCodes("2026-03-27T13:45:00.5+05:30")).toEqual([]);
  });

  it("is required at submission", () => {
    expect(firstObservedCodes(undefined)).toEqual(["REQUIRED"]);
  });

  it("needs an explicit time zone and a real date", () => {
    expect(firstObservedCodes("2026-03-27T08:15:00")).toEqual(["MISSING_TIME_ZONE"]);
    expect(firstObservedCodes("27.03.2026 08:15")).toEqual(["INVALID_DATE_TIME"]);
    expect(firstObservedCodes("2026-02-30T08:15:00Z")).toEqual(["INVALID_DATE_TIME"]);
    expect(firstObservedCodes(1711527300000)).toEqual(["WRONG_TYPE"]);
  });

  it("is not in the future beyond the clock-skew tolerance", () => {
    const skewMinutes = TICKET_LIMITS.clockSkewMs / 60_000;
    expect(firstObservedCodes(minutesFromNow(skewMinutes - 1))).toEqual([]);
    expect(firstObservedCodes(minutesFromNow(skewMinutes + 1))).toEqual(["IN_FUTURE"]);
  });

  it("is not absurdly old", () => {
    const days = TICKET_LIMITS.maxAgeDays;
    expect(firstObservedCodes(minutesFromNow(-(days - 1) * 24 * 60))).toEqual([]);
    expect(firstObservedCodes(minutesFromNow(-(days + 1) * 24 * 60))).toEqual(["TOO_OLD"]);
    expect(firstObservedCodes("1026-03-27T08:15:00Z")).toEqual(["TOO_OLD"]);
  });
});

describe("documentation checked", () => {
  it("is required at submission as a boolean", () => {
    expect(codesAt(submit(completeTicket({ docsChecked: undefined })), "docsChecked")).toEqual(["REQUIRED"]);
    expect(codesAt(checkDraft({ docsChecked: "yes" }), "docsChecked")).toEqual(["WRONG_TYPE"]);
  });

  it("needs the pages consulted when checked", () => {
    expect(codesAt(submit(completeTicket({ docsConsulted: undefined })), "docsConsulted")).toEqual([
      "REQUIRED",
    ]);
    expect(codesAt(submit(completeTicket({ docsConsulted: [] })), "docsConsulted")).toEqual(["REQUIRED"]);
    const unchecked = completeTicket({ docsChecked: false, docsConsulted: undefined });
    expect(codesAt(submit(unchecked), "docsConsulted")).toEqual([]);
  });

  it("checks each page consulted", () => {
    expect(codesAt(checkDraft({ docsConsulted: ["Platform\nBehavior"] }), "docsConsulted[0]")).toEqual([
      "NOT_SINGLE_LINE",
    ]);
    const pages = ["Platform Behavior", "x".repeat(TICKET_LIMITS.docPageMaxLength + 1)];
    expect(codesAt(checkDraft({ docsConsulted: pages }), "docsConsulted[1]")).toEqual(["TOO_LONG"]);
  });
});
