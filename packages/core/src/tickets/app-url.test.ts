import { describe, expect, it } from "vitest";
import { idsFromAppUrl, ticketAppPath } from "./app-url.js";
import { CONTRACT_ID, FLOW_ID, VERSION_SHA, WORKSPACE_ID } from "./testing/ticket-fixtures.js";

const ids = { contractId: CONTRACT_ID, workspaceId: WORKSPACE_ID, flowId: FLOW_ID };
const path = `/c/${CONTRACT_ID}/w/${WORKSPACE_ID}/designer/${FLOW_ID}`;

describe("ticketAppPath", () => {
  it("builds the designer path, with the app URL when given", () => {
    expect(ticketAppPath(ids)).toBe(path);
    expect(ticketAppPath(ids, "https://app.example.io//")).toBe(`https://app.example.io${path}`);
  });

  it("gives nothing when an id is missing or malformed", () => {
    expect(ticketAppPath({ ...ids, flowId: undefined })).toBeUndefined();
    expect(ticketAppPath({ ...ids, workspaceId: "ws" })).toBeUndefined();
    expect(ticketAppPath({ ...ids, contractId: 5 })).toBeUndefined();
  });
});

describe("idsFromAppUrl", () => {
  it("reads every id and the version from a designer URL", () => {
    expect(idsFromAppUrl(`https://app.example.io${path}/v/latest`)).toEqual({
      ...ids,
      flowVersion: "latest",
    });
    expect(idsFromAppUrl(`${path}/v/${VERSION_SHA}?tab=logs`)).toEqual({ ...ids, flowVersion: VERSION_SHA });
    expect(idsFromAppUrl(`${path}/draft`)).toEqual({ ...ids, flowVersion: "draft" });
  });

  it("reads what is there and leaves the rest out", () => {
    expect(idsFromAppUrl(`https://app.example.io/c/${CONTRACT_ID}/w/${WORKSPACE_ID}/flows`)).toEqual({
      contractId: CONTRACT_ID,
      workspaceId: WORKSPACE_ID,
    });
    expect(idsFromAppUrl("https://app.example.io/")).toEqual({});
    expect(idsFromAppUrl(`/c/${CONTRACT_ID}0/w/x`)).toEqual({});
  });
});
