import { describe, expect, it } from "vitest";
import { createMetrics } from "./metrics.js";

describe("createMetrics", () => {
  it("bounds operation labels: anonymous, odd names and names past the cap become fixed labels", () => {
    const metrics = createMetrics();
    expect(metrics.operationLabel(undefined)).toBe("anonymous");
    expect(metrics.operationLabel("Inbox")).toBe("Inbox");
    expect(metrics.operationLabel("drop table; --")).toBe("other");
    expect(metrics.operationLabel("AKIAPL4NTEDKEY00AWS1")).toBe("other");
    for (let index = 0; index < 300; index += 1) metrics.operationLabel(`Op${index}`);
    expect(metrics.operationLabel("Inbox")).toBe("Inbox");
    expect(metrics.operationLabel("Op299")).toBe("other");
  });

  it("keeps each gateway's metrics on its own registry", async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.graphqlRequests.inc({ operation: "A", outcome: "ok" });
    expect(await first.registry.metrics()).toContain(
      'flowdoctor_graphql_requests_total{operation="A",outcome="ok"} 1',
    );
    expect(await second.registry.metrics()).not.toContain('operation="A"');
  });
});
