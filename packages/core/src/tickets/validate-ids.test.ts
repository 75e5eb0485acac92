import { describe, expect, it } from "vitest";
import {
  CONTRACT_ID,
  checkDraft,
  codesAt,
  completeTicket,
  FLOW_ID,
  messageAt,
  submit,
  VERSION_SHA,
  WORKSPACE_ID,
} from "./testing/ticket-fixtures.js";

// A ticket about the contract as a whole: nothing in it points at a flow.
const contractTicket = (overrides: Record<string, unknown> = {}) =>
  completeTicket({
    flowId: undefined,
    flowVersion: undefined,
    logs: undefined,
    errorText: undefined,
    errorReport: undefined,
    troubleshootingLevel: "PLATFORM",
    cause: "CONTRACT_SUSPENDED",
    ...overrides,
  });

describe("contract and workspace ids", () => {
  it("accept 24-hex ObjectIds in either case", () => {
    expect(submit(completeTicket({ contractId: CONTRACT_ID.toUpperCase() }))).toEqual([]);
  });

  it("are required at submission", () => {
    const problems = submit(completeTicket({ contractId: undefined, workspaceId: "" }));
    expect(codesAt(problems, "contractId")).toEqual(["REQUIRED"]);
    expect(codesAt(problems, "workspaceId")).toEqual(["REQUIRED"]);
    expect(messageAt(problems, "workspaceId")).toContain('after "/w/"');
  });

  it("must be well-formed, with a hint when a URL was pasted", () => {
    const url = `https://app.example.io/c/${CONTRACT_ID}/w/${WORKSPACE_ID}`;
    const problems = checkDraft({ contractId: url, workspaceId: `${WORKSPACE_ID}0` });
    expect(codesAt(problems, "contractId")).toEqual(["INVALID_OBJECT_ID"]);
    expect(messageAt(problems, "contractId")).toContain('Copy only the id after "/c/"');
    expect(codesAt(problems, "workspaceId")).toEqual(["INVALID_OBJECT_ID"]);
    expect(codesAt(checkDraft({ contractId: 585918 }), "contractId")).toEqual(["WRONG_TYPE"]);
  });
});

describe("flow id", () => {
  it("is required at submission when the ticket carries flow evidence", () => {
    expect(codesAt(submit(completeTicket({ flowId: undefined })), "flowId")).toEqual(["REQUIRED"]);
    expect(codesAt(submit(contractTicket({ logs: "boom" })), "flowId")).toEqual(["REQUIRED"]);
    expect(codesAt(submit(contractTicket({ cause: "QUEUE_OVERFLOW" })), "flowId")).toEqual(["REQUIRED"]);
  });

  it("is required when involvesFlow says so, and not when it says no", () => {
    expect(codesAt(submit(contractTicket({ involvesFlow: true })), "flowId")).toEqual(["REQUIRED"]);
    expect(codesAt(submit(completeTicket({ flowId: undefined, involvesFlow: false })), "flowId")).toEqual([]);
  });

  it("is optional when no flow is involved, and never required in a draft", () => {
    expect(submit(contractTicket())).toEqual([]);
    expect(codesAt(checkDraft({ logs: "boom" }), "flowId")).toEqual([]);
  });

  it("must be well-formed when given", () => {
    expect(codesAt(checkDraft({ flowId: "step_1" }), "flowId")).toEqual(["INVALID_OBJECT_ID"]);
    expect(codesAt(checkDraft({ involvesFlow: "yes" }), "involvesFlow")).toEqual(["WRONG_TYPE"]);
  });
});

describe("flow version", () => {
  it('accepts a version hash, "latest" and "draft"', () => {
    for (const flowVersion of [VERSION_SHA, "latest", "draft"]) {
      expect(checkDraft({ flowId: FLOW_ID, flowVersion })).toEqual([]);
    }
  });

  it("rejects anything else", () => {
    for (const flowVersion of ["v2", VERSION_SHA.slice(1), "Latest"]) {
      expect(codesAt(checkDraft({ flowVersion }), "flowVersion")).toEqual(["INVALID_FLOW_VERSION"]);
    }
    expect(codesAt(checkDraft({ flowVersion: 2 }), "flowVersion")).toEqual(["WRONG_TYPE"]);
  });
});

describe("other ids", () => {
  it("accepts the known ids", () => {
    const otherIds = {
      executionId: "0123456789abcdef0123456789abcdef",
      threadId: "3b1f8c52-5c1a-4e57-9d7e-0f0b3a5c9e11",
      stepId: "step_2",
      credentialId: CONTRACT_ID,
      componentId: WORKSPACE_ID,
      containerId: "flow-5b5e-step-2-7d9f",
    };
    expect(checkDraft({ otherIds })).toEqual([]);
  });

  it("reports each bad id at its own path", () => {
    const otherIds = { credentialId: "abc", stepId: "step 2", threadId: 5, flowId: FLOW_ID };
    const problems = checkDraft({ otherIds });
    expect(problems.map(({ path, code }) => `${path} ${code}`)).toEqual([
      "otherIds.flowId UNKNOWN_FIELD",
      "otherIds.threadId WRONG_TYPE",
      "otherIds.stepId INVALID_VALUE",
      "otherIds.credentialId INVALID_OBJECT_ID",
    ]);
  });

  it("must be an object", () => {
    expect(codesAt(checkDraft({ otherIds: ["step_1"] }), "otherIds")).toEqual(["WRONG_TYPE"]);
  });
});
