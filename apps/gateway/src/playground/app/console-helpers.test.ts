import { CAUSE_INFO, REDACTION_MARKER } from "@flowdoctor/core";
import { isValidElement } from "react";
import { describe, expect, it } from "vitest";
import { toSentence } from "./api.js";
import { hashOf, parseRoute } from "./route.js";
import { worstFirst } from "./views/diagnosis.js";
import { sortHealth } from "./views/health.js";
import { causesFor, stateActions } from "./views/inbox.js";
import { bodyMarks, inputOf, markRedactions } from "./views/ticket.js";

describe("the console's helpers", () => {
  it("tell an error as a sentence with its code, what the code means and what it left empty", () => {
    const told = toSentence({
      message: "You may not read the logs of workspace w1: the platform denies it",
      path: ["workspaces", "nodes", 0, "errorGroups"],
      extensions: { code: "FORBIDDEN" },
    });
    expect(told).toEqual({
      sentence: "You may not read the logs of workspace w1: the platform denies it.",
      code: "FORBIDDEN",
      meaning: "The credentials are valid but may not see this resource.",
      where: "workspaces.nodes.0.errorGroups",
    });
    expect(toSentence({ message: "Boom!", extensions: { code: "SOMETHING_NEW" } }).meaning).toBe(
      "The gateway gave no description for this code.",
    );
  });

  it("keep a view and its parameters in the address, and fall back to the login for unknown views", () => {
    const hash = hashOf("inbox", { workspace: "w 1", sort: "busiest", cause: undefined, flow: "" });
    expect(hash).toBe("#/inbox?workspace=w+1&sort=busiest");
    expect(parseRoute(hash)).toEqual({ view: "inbox", params: { workspace: "w 1", sort: "busiest" } });
    expect(parseRoute("#/nowhere?x=1").view).toBe("login");
    expect(parseRoute("").view).toBe("login");
  });

  it("filter the inbox by level as the causes of that level, narrowed by a cause", () => {
    expect(causesFor("", "")).toBeUndefined();
    const platform = causesFor("PLATFORM", "") ?? [];
    expect(platform.length).toBeGreaterThan(0);
    expect(platform.every((cause) => CAUSE_INFO[cause as keyof typeof CAUSE_INFO].level === "PLATFORM")).toBe(
      true,
    );
    expect(causesFor("PLATFORM", "QUEUE_OVERFLOW")).toEqual(["QUEUE_OVERFLOW"]);
    expect(causesFor("PLATFORM", "MAPPING")).toEqual([]);
    expect(causesFor("", "MAPPING")).toEqual(["MAPPING"]);
  });

  it("turn the composer's text fields into the API's input: yes/no, one list item per line, blank clears", () => {
    expect(
      inputOf({
        isBlocker: "true",
        reproducible: "",
        docsConsulted: " a \n\n b ",
        title: "  T  ",
        deadline: " ",
      }),
    ).toEqual({ isBlocker: true, reproducible: null, docsConsulted: ["a", "b"], title: "T", deadline: null });
  });

  it("mark every redaction in the preview, keeping the text around it", () => {
    const nodes = markRedactions(`a ${REDACTION_MARKER} b ${REDACTION_MARKER}`);
    expect(nodes.filter(isValidElement)).toHaveLength(2);
    expect(nodes.filter((node) => typeof node === "string")).toEqual(["a ", " b ", ""]);
    expect(markRedactions("nothing secret")).toEqual(["nothing secret"]);
  });

  it("title a redaction with the kind and field the preview reports, at the place it reports", () => {
    const text = `key ${REDACTION_MARKER} and ${REDACTION_MARKER}`;
    const second = text.lastIndexOf(REDACTION_MARKER);
    const marks = bodyMarks([
      {
        field: "errorText",
        attachmentName: null,
        marks: [
          { id: "r1", kind: "github-pat", from: 4, to: 4 + REDACTION_MARKER.length, textFrom: second },
          { id: null, kind: "jwt", from: 0, to: 3, textFrom: null },
        ],
      },
    ]);
    expect(marks).toEqual([
      { at: second, length: REDACTION_MARKER.length, title: "github-pat in errorText" },
    ]);
    const titles = markRedactions(text, marks)
      .filter(isValidElement)
      .map((node) => (node.props as { title: string }).title);
    expect(titles).toEqual([
      "Removed by Flowdoctor's redaction before sending",
      "Redacted: github-pat in errorText",
    ]);
  });

  it("order findings worst first, surer ones first within a status", () => {
    const finding = (status: string, confidence: number) =>
      ({ status, confidence, check: "ERRORS", title: `${status}${confidence}` }) as Parameters<
        typeof worstFirst
      >[0][number];
    const ordered = worstFirst([
      finding("PASS", 1),
      finding("WARN", 0.5),
      finding("FAIL", 0.4),
      finding("FAIL", 0.9),
    ]);
    expect(ordered.map((item) => item.title)).toEqual(["FAIL0.9", "FAIL0.4", "WARN0.5", "PASS1"]);
  });

  it("offer resolve and ignore on an open group, reopen on a closed one", () => {
    for (const state of ["NEW", "ONGOING", "REGRESSED", "ESCALATING"])
      expect(stateActions(state).map(([to]) => to)).toEqual(["RESOLVED", "IGNORED"]);
    for (const state of ["RESOLVED", "IGNORED", "SNOOZED"])
      expect(stateActions(state).map(([to]) => to)).toEqual(["ONGOING"]);
  });

  it("put flagged flows first, then by name", () => {
    const row = (flowName: string, flagged: boolean) =>
      ({
        flowId: flowName,
        flowName,
        stepId: null,
        status: "OK",
        flagged,
        expected: 1,
        seen: 1,
        since: null,
        confidence: 1,
        summary: "",
      }) as const;
    expect(
      sortHealth([row("b", false), row("c", true), row("a", false), row("d", true)]).map(
        (flow) => flow.flowName,
      ),
    ).toEqual(["c", "d", "a", "b"]);
  });
});
