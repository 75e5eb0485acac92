import { describe, expect, it } from "vitest";
import { upstreamOperation } from "./upstream-operation.js";

describe("upstreamOperation", () => {
  it("replaces ids and drops the query and trailing slashes", () => {
    expect(upstreamOperation("GET", "/v2/flows/585918da586224001b96de89?include=x")).toBe(
      "GET /v2/flows/:id",
    );
    expect(upstreamOperation("GET", "/v2/contracts/")).toBe("GET /v2/contracts");
    expect(upstreamOperation("GET", "/v2/users/me")).toBe("GET /v2/users/me");
    expect(upstreamOperation("GET", "/v2/stats/queues/585918da586224001b96de89")).toBe(
      "GET /v2/stats/queues/:id",
    );
  });
});
