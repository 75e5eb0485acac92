import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import { CAUSE_INFO } from "../taxonomy/taxonomy.js";
import { renderTicket } from "./render-ticket.js";
import { CONTRACT_ID, completeTicket, FLOW_ID, WORKSPACE_ID } from "./testing/ticket-fixtures.js";
import type { TicketDraft } from "./ticket.js";
import { TICKET_PRIORITY_INFO } from "./ticket-priority.js";

const GUIDE_ORDER = [
  "# ",
  "## Description",
  "### Steps to reproduce",
  "### Screenshots",
  "### Log file",
  "### Error text",
  "### First observed",
  "### Documentation checked",
  "## Timeline",
  "### Error report",
  "## Priority",
  "## Blocker and deadline",
  "## Diagnosis",
];

const headings = (text: string): string[] => text.split("\n").filter((line) => line.startsWith("#"));

/** The lines between a heading and the next heading. */
const sectionBody = (text: string, heading: string): string => {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.startsWith(heading));
  const end = lines.findIndex((line, index) => index > start && line.startsWith("#"));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join("\n")
    .trim();
};

describe("renderTicket", () => {
  it("puts the sections in the guide's order", () => {
    const found = headings(renderTicket(completeTicket()));
    expect(found.map((line) => GUIDE_ORDER.find((prefix) => line.startsWith(prefix)))).toEqual(GUIDE_ORDER);
    expect(found[0]).toBe(`# ${completeTicket().title}`);
  });

  it("shows the ids and the app link in the description", () => {
    const ticket = completeTicket();
    const body = sectionBody(renderTicket(ticket, { appUrl: "https://app.example.io/" }), "## Description");
    expect(body.startsWith(ticket.description)).toBe(true);
    expect(body).toContain(`- Contract: ${CONTRACT_ID}`);
    expect(body).toContain(`- Workspace: ${WORKSPACE_ID}`);
    expect(body).toContain(`- Flow: ${FLOW_ID} (version: latest)`);
    expect(body).toContain(
      `- Link: https://app.example.io/c/${CONTRACT_ID}/w/${WORKSPACE_ID}/designer/${FLOW_ID}`,
    );
    expect(body).toContain(`- Step: ${ticket.otherIds?.stepId}`);
    const steps = sectionBody(renderTicket(ticket), "### Steps to reproduce");
    expect(steps).toBe("1. Start the flow\n2. Post an order to the webhook");
  });

  it("uses the bare path without an app URL, and no link without a flow", () => {
    const withPath = renderTicket(completeTicket());
    expect(withPath).toContain(`- Link: /c/${CONTRACT_ID}/w/${WORKSPACE_ID}/designer/${FLOW_ID}\n`);
    const withoutFlow = renderTicket(completeTicket({ flowId: undefined }));
    expect(withoutFlow).not.toContain("- Link:");
    expect(withoutFlow).toContain("- Flow: Not given.");
    expect(renderTicket(completeTicket({ flowId: undefined, involvesFlow: false }))).not.toContain("- Flow:");
  });

  it("shows what the guide asks for as 'Not given.' and leaves optional parts out", () => {
    const text = renderTicket({});
    expect(headings(text)).toEqual([
      "# (no title)",
      "## Description",
      "### Screenshots",
      "### Log file",
      "### Error text",
      "### First observed",
      "### Documentation checked",
      "## Timeline",
      "### Error report",
      "## Priority",
      "## Blocker and deadline",
    ]);
    for (const heading of [
      "### Log file",
      "### Error text",
      "### First observed",
      "## Timeline",
      "## Priority",
    ]) {
      expect(sectionBody(text, heading)).toBe("Not given.");
    }
    expect(sectionBody(text, "### Screenshots")).toBe("None attached.");
    expect(text).not.toContain("Steps to reproduce");
    expect(text).not.toContain("Deadline");
  });

  it("lists screenshots with type and size", () => {
    const screenshots = [
      { name: "errors-tab.png", mediaType: "image/png", sizeBytes: 2048 },
      { name: "flow.jpg", mediaType: "image/jpeg", sizeBytes: 3 * 1024 * 1024, ref: "tickets/7/flow.jpg" },
    ] as const;
    const body = sectionBody(renderTicket({ screenshots }), "### Screenshots");
    expect(body).toBe(
      "- errors-tab.png (image/png, 2 KB)\n- flow.jpg (image/jpeg, 3 MB) at tickets/7/flow.jpg",
    );
  });

  it("puts the log file and the error text in code blocks without colour codes", () => {
    const text = renderTicket({ logs: "\u001B[31mERROR\u001B[0m boom\r\nnext", errorText: "Error: ```x```" });
    expect(sectionBody(text, "### Log file")).toBe("```text\nERROR boom\nnext\n```");
    expect(sectionBody(text, "### Error text")).toBe("````text\nError: ```x```\n````");
  });

  it("trims a long log to its end, at a line start, with a note", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `2026-03-27T08:00:00Z INFO line ${i}`);
    const logs = lines.join("\n");
    const body = sectionBody(renderTicket({ logs }, { logMaxChars: 1000 }), "### Log file");
    const block = body.slice(body.indexOf("```text\n") + 8, body.lastIndexOf("\n```"));
    expect(block.length).toBeLessThanOrEqual(1000);
    expect(block.endsWith("line 1999")).toBe(true);
    expect(block.startsWith("2026-03-27T08:00:00Z INFO line ")).toBe(true);
    expect(logs.endsWith(block)).toBe(true);
    const leftOut = (logs.length - block.length).toLocaleString("en-US");
    expect(body).toContain(
      `The log has ${logs.length.toLocaleString("en-US")} characters; the first ${leftOut} are left out`,
    );
  });

  it("shows the documentation check and the pages consulted", () => {
    const checked = sectionBody(renderTicket(completeTicket()), "### Documentation checked");
    expect(checked).toContain("Yes: the solution was not found");
    expect(checked).toContain("- Managing Flow Errors");
    expect(sectionBody(renderTicket({ docsChecked: false }), "### Documentation checked")).toBe(
      "No, the documentation was not checked.",
    );
  });

  it("sorts the timeline by instant across time zones and marks the incident", () => {
    const ticket: TicketDraft = {
      firstObservedAt: "2026-03-27T08:15:00Z",
      timeline: [
        { at: "2026-03-27T10:00:00+01:00", event: "Restarted the flow" },
        { at: "not a time", event: "Unreadable" },
        { at: "2026-03-27T09:15:00+01:00", event: "First failed order" },
        { at: "2026-03-27T07:50:00Z", event: "CRM update" },
      ],
    };
    expect(sectionBody(renderTicket(ticket), "## Timeline")).toBe(
      [
        "- 2026-03-27T07:50:00Z: CRM update",
        "- 2026-03-27T09:15:00+01:00 (incident: first observed): First failed order",
        "- 2026-03-27T10:00:00+01:00: Restarted the flow",
        "- not a time: Unreadable",
      ].join("\n"),
    );
  });

  it("quotes the error report with its source and time", () => {
    const ticket = completeTicket();
    const text = renderTicket(ticket);
    const heading = `### Error report (from the e-mail, received ${ticket.errorReport?.receivedAt})`;
    expect(text).toContain(heading);
    expect(sectionBody(text, heading)).toBe(`\`\`\`text\n${ticket.errorReport?.text}\n\`\`\``);
    expect(renderTicket({ errorReport: { source: "ui", text: "x" } })).toContain(
      "### Error report (from the UI)",
    );
  });

  it("explains the priority and shows blocker, impact and deadline", () => {
    const ticket = completeTicket();
    const text = renderTicket(ticket);
    const info = TICKET_PRIORITY_INFO.HIGH;
    expect(sectionBody(text, "## Priority")).toBe(
      `${info.label}: a solution is needed ${info.howSoon}. ${info.meaning}\n\nNeeded by: ${ticket.neededBy}`,
    );
    expect(sectionBody(text, "## Blocker and deadline")).toBe(
      [
        "- Blocker: Yes, this blocks our work.",
        `- Impact: ${ticket.blockerImpact}`,
        `- Deadline for a solution or workaround: ${ticket.deadline}`,
      ].join("\n"),
    );
    expect(sectionBody(renderTicket({ isBlocker: true }), "## Blocker and deadline")).toContain(
      "- Deadline for a solution or workaround: Not given.",
    );
    expect(sectionBody(renderTicket({ isBlocker: false }), "## Blocker and deadline")).toBe("- Blocker: No");
  });

  it("adds the diagnosis with the cause's title and the stuck-message evidence", () => {
    const ticket = completeTicket({
      troubleshootingLevel: "PLATFORM",
      cause: "QUEUE_OVERFLOW",
      supportAccessGranted: false,
      stuckMessageEvidence: {
        flowSuspended: true,
        lastLogAtPerStep: { step_2: "2026-03-27T08:00:00Z" },
        containersRunning: { step_1: true },
        queueStats: [{ stepId: "step_3", total: 75000, ready: 75000, unacked: 0, rebounds: 0 }],
      },
    });
    expect(sectionBody(renderTicket(ticket), "## Diagnosis")).toBe(
      [
        "- Troubleshooting level: Platform",
        `- Cause: ${CAUSE_INFO.QUEUE_OVERFLOW.title} (QUEUE_OVERFLOW)`,
        "- Support access to the workspace: not granted",
        "- Stuck messages: the flow is suspended",
        "  - step_1: no log line, container running",
        "  - step_2: last log 2026-03-27T08:00:00Z, container unknown",
        "  - step_3: no log line, container unknown, 75000 queued (0 rebounds)",
      ].join("\n"),
    );
  });

  it("is deterministic and ends with one line break", () => {
    const ticket = completeTicket();
    const text = renderTicket(ticket);
    expect(renderTicket(structuredClone(ticket))).toBe(text);
    expect(text.endsWith("\n")).toBe(true);
    expect(text.endsWith("\n\n")).toBe(false);
  });
});

describe("renderTicket with awkward input", () => {
  it("keeps multi-line list entries inside their item and the title on one line", () => {
    const text = renderTicket({
      title: "Orders\nflow  stops",
      stepsToReproduce: ["Start the flow\nand wait"],
      timeline: [{ at: "2026-03-27T08:15:00Z", event: "Failed\nagain" }],
      isBlocker: true,
      blockerImpact: "No orders\nno shipping",
    });
    expect(text.startsWith("# Orders flow stops\n")).toBe(true);
    expect(text).toContain("1. Start the flow\n   and wait");
    expect(text).toContain("- 2026-03-27T08:15:00Z: Failed\n  again");
    expect(text).toContain("- Impact: No orders\n  no shipping");
  });

  it("rejects invalid options with a core error naming the option", () => {
    for (const [options, field] of [
      [{ logMaxChars: 0 }, "options.logMaxChars"],
      [{ logMaxChars: 1.5 }, "options.logMaxChars"],
      [{ appUrl: 5 }, "options.appUrl"],
    ] as const) {
      let caught: unknown;
      try {
        renderTicket({}, options as never);
      } catch (error) {
        caught = error;
      }
      expect(isCoreError(caught) && caught.code).toBe("CORE_INVALID_INPUT");
      expect((caught as Error).message).toContain(field);
    }
  });
});

describe("renderTicket with null fields", () => {
  it("reads null and blank text as not given, like validation", () => {
    const withNulls = {
      title: null,
      flowId: null,
      flowVersion: "",
      logs: "  ",
      otherIds: { stepId: null },
      errorReport: { source: "ui", text: "boom", receivedAt: null },
      priority: null,
    } as unknown as TicketDraft;
    const text = renderTicket(withNulls);
    expect(text).not.toContain("null");
    expect(text).toContain("# (no title)");
    expect(text).toContain("- Flow: Not given.");
    expect(text).toContain("### Error report (from the UI)");
    expect(sectionBody(text, "## Priority")).toBe("Not given.");
  });

  it("rejects a ticket that is not an object", () => {
    let caught: unknown;
    try {
      renderTicket(null as unknown as TicketDraft);
    } catch (error) {
      caught = error;
    }
    expect(isCoreError(caught) && caught.code).toBe("CORE_INVALID_INPUT");
  });
});
