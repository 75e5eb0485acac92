import { describe, expect, it } from "vitest";
import { basicAuthorization, fixOperationName } from "./fetcher.js";

describe("the playground's fetcher helpers", () => {
  it("drops an operation name the document does not define (GraphiQL's stale tab name)", () => {
    const query = "query WhereAmI { me { email } }";
    expect(fixOperationName({ query, operationName: "Gateway" }).operationName).toBe("WhereAmI");
    expect(fixOperationName({ query, operationName: "WhereAmI" }).operationName).toBe("WhereAmI");
    expect(
      fixOperationName({ query: "query A { a } query B { b }", operationName: "C" }).operationName,
    ).toBeNull();
  });

  it("encodes UTF-8 credentials as HTTP Basic", () => {
    expect(basicAuthorization("jörg@example.com", "k")).toBe("Basic asO2cmdAZXhhbXBsZS5jb206aw==");
  });
});
