import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import { CAUSES } from "../taxonomy/taxonomy.js";
import { type PriorityFacts, suggestPriority } from "./suggest-priority.js";
import { TICKET_PRIORITIES } from "./ticket-priority.js";

describe("suggestPriority", () => {
  it("starts from the cause", () => {
    expect(suggestPriority({ cause: "MESSAGING_FAILURE" }).priority).toBe("URGENT");
    expect(suggestPriority({ cause: "CONTRACT_SUSPENDED" }).priority).toBe("URGENT");
    expect(suggestPriority({ cause: "QUEUE_OVERFLOW" }).priority).toBe("HIGH");
    expect(suggestPriority({ cause: "COMPONENT_ERROR" }).priority).toBe("NORMAL");
    expect(suggestPriority({ cause: "INVALID_CREDENTIALS" }).priority).toBe("LOW");
  });

  it("gives every cause a priority and a reason naming it", () => {
    for (const cause of CAUSES) {
      const { priority, reasons } = suggestPriority({ cause });
      expect(TICKET_PRIORITIES).toContain(priority);
      expect(reasons[0]).toContain(cause);
    }
  });

  it("falls back to the level, then to NORMAL", () => {
    expect(suggestPriority({ level: "PLATFORM" }).priority).toBe("HIGH");
    expect(suggestPriority({ level: "COMPONENT_RUNTIME" }).priority).toBe("NORMAL");
    expect(suggestPriority({ level: "INTEGRATION_LOGIC" }).priority).toBe("LOW");
    expect(suggestPriority({}).priority).toBe("NORMAL");
    expect(suggestPriority({ level: "INTEGRATION_LOGIC", cause: "OUT_OF_MEMORY" }).priority).toBe("HIGH");
  });

  it("lowers one step in a limited workspace, never below LOW", () => {
    expect(suggestPriority({ cause: "QUEUE_OVERFLOW", workspaceType: "limited" }).priority).toBe("NORMAL");
    expect(suggestPriority({ cause: "MAPPING", workspaceType: "limited" }).priority).toBe("LOW");
    expect(suggestPriority({ cause: "QUEUE_OVERFLOW", workspaceType: "full" }).priority).toBe("HIGH");
  });

  it("makes a blocker at least HIGH, and keeps URGENT", () => {
    const blocked = suggestPriority({ cause: "MAPPING", isBlocker: true, workspaceType: "limited" });
    expect(blocked.priority).toBe("HIGH");
    expect(blocked.reasons).toContain("The issue blocks work, so at least HIGH.");
    expect(suggestPriority({ cause: "MESSAGING_FAILURE", isBlocker: true }).priority).toBe("URGENT");
  });

  it("explains each step and ends with how soon", () => {
    const { reasons } = suggestPriority({ cause: "OUT_OF_MEMORY", workspaceType: "limited" });
    expect(reasons).toHaveLength(3);
    expect(reasons[1]).toContain("limited");
    expect(reasons[2]).toBe("Normal means a solution is needed within a few working days.");
  });

  it("rejects values outside the types, naming the field", () => {
    const bad: [unknown, string][] = [
      [null, "facts"],
      [{ cause: "OOM" }, "facts.cause"],
      [{ level: "platform" }, "facts.level"],
      [{ isBlocker: "yes" }, "facts.isBlocker"],
      [{ workspaceType: "dev" }, "facts.workspaceType"],
    ];
    for (const [facts, field] of bad) {
      let caught: unknown;
      try {
        suggestPriority(facts as PriorityFacts);
      } catch (error) {
        caught = error;
      }
      expect(isCoreError(caught) && caught.code).toBe("CORE_INVALID_INPUT");
      expect((caught as Error).message).toContain(field);
    }
  });
});
