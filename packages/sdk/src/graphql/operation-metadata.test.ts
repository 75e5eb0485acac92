import { describe, expect, it } from "vitest";
import { FlowsDocument, SubmitTicketDocument, TypedDocumentString } from "../generated/index.js";
import { operationInfo } from "./operation-metadata.js";

describe("operationInfo reads the metadata graphql-codegen generated", () => {
  it("knows a generated query's name, type and variables", () => {
    const info = operationInfo(FlowsDocument);
    expect(info).toMatchObject({ kind: "query", name: "Flows" });
    expect([...(info.variableNames ?? [])]).toEqual(["workspaceId", "filter", "first", "after"]);
  });

  it("knows a generated mutation", () => {
    expect(operationInfo(SubmitTicketDocument)).toMatchObject({ kind: "mutation", name: "SubmitTicket" });
  });

  it("takes the name and type given to one's own document", () => {
    const own = new TypedDocumentString("query Mine { me { id } }", {
      operationName: "Mine",
      operationType: "query",
    });
    expect(operationInfo(own)).toMatchObject({ kind: "query", name: "Mine", variableNames: undefined });
  });

  it.each([
    ["no metadata", new TypedDocumentString("query Q { me { id } }")],
    ["an unknown type", new TypedDocumentString("query Q { me { id } }", { operationType: "read" })],
    ["a plain string", "query Q { me { id } }"],
  ])("treats a document with %s as a mutation without a name, so it is never retried", (_, document) => {
    expect(operationInfo(document)).toMatchObject({ kind: "mutation", name: undefined });
  });

  it("serializes the document once into the body's prefix", () => {
    const first = operationInfo(FlowsDocument);
    expect(JSON.parse(`${first.bodyPrefix}}`)).toEqual({ query: FlowsDocument.toString() });
    expect(operationInfo(FlowsDocument)).toBe(first);
  });
});
