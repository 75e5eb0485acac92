import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { operationMetadata } from "./operation-metadata.ts";

describe("operationMetadata", () => {
  it("lists the operation's name, type, variables and root response keys", () => {
    const document = parse(`
      fragment F on Flow { id }
      fragment Root on Query { me { id } contracts { totalCount } }
      query Flows($workspaceId: ID!, $first: Int = 20, $ids: [ID!]!, $after: String) {
        flows(workspaceId: $workspaceId, first: $first, after: $after) { nodes { ...F } }
        who: me { id }
        ... on Query { gateway { version } }
        ...Root
      }`);
    expect(operationMetadata(document)).toEqual({
      operationName: "Flows",
      operationType: "query",
      variables: [
        { name: "workspaceId", type: "ID!", required: true },
        { name: "first", type: "Int", required: false },
        { name: "ids", type: "[ID!]!", required: true },
        { name: "after", type: "String", required: false },
      ],
      rootFields: ["flows", "who", "gateway", "me", "contracts"],
    });
  });

  it("knows mutations and operations without variables", () => {
    expect(operationMetadata(parse("mutation Cancel { cancelTicket(id: 1) { id } }"))).toEqual({
      operationName: "Cancel",
      operationType: "mutation",
      variables: [],
      rootFields: ["cancelTicket"],
    });
  });

  it.each([
    ["{ me { id } }", "every SDK operation needs a name"],
    ["query A { me { id } } query B { me { id } }", "exactly one operation (found 2)"],
  ])("rejects %s", (source, message) => {
    expect(() => operationMetadata(parse(source))).toThrow(message);
  });
});
