import { describe, expect, it } from "vitest";
import { operationInfo } from "./operation-info.js";

describe("operationInfo", () => {
  it.each([
    ["query Me { me { id } }", "query", "Me"],
    ["{ me { id } }", "query", undefined],
    ["mutation Submit($id: ID!) { submitTicket(id: $id) { id } }", "mutation", "Submit"],
    ["subscription Events { events }", "subscription", "Events"],
    ["fragment F on Flow { id }\nmutation Save { save { ...F } }", "mutation", "Save"],
    ["fragment F on Query { me { id } }\n{ ...F }", "query", undefined],
    ['# mutation in a comment\nquery Q($s: String = "mutation {") { flows { id } }', "query", "Q"],
    ['"""mutation"""\nquery Described { me { id } }', "query", "Described"],
    ["something odd", "mutation", undefined],
  ])("%j is a %s named %s", (source, kind, name) => {
    const info = operationInfo(source);
    expect(info.kind).toBe(kind);
    expect(info.name).toBe(name);
  });

  it("serializes the document once into the body's prefix", () => {
    const document = new String('query A { me { email } } # "quoted"');
    const first = operationInfo(document);
    expect(JSON.parse(`${first.bodyPrefix}}`)).toEqual({ query: document.toString() });
    expect(operationInfo(document)).toBe(first);
  });
});
