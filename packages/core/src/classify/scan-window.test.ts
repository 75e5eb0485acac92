import { describe, expect, it } from "vitest";
import { HEAD_CHARS, scanWindow, TAIL_CHARS } from "./scan-window.js";

describe("scanWindow", () => {
  it("keeps short texts whole", () => {
    expect(scanWindow("connect ECONNREFUSED 10.0.0.1:443")).toBe("connect ECONNREFUSED 10.0.0.1:443");
  });

  it("keeps the head and tail of a huge text and drops the middle", () => {
    const text = `HEAD${"a".repeat(500_000)}MIDDLE${"b".repeat(500_000)}TAIL`;
    const window = scanWindow(text);
    expect(window.length).toBe(HEAD_CHARS + TAIL_CHARS + 1);
    expect(window.startsWith("HEAD")).toBe(true);
    expect(window.endsWith("TAIL")).toBe(true);
    expect(window).not.toContain("MIDDLE");
  });

  it("removes ANSI colour codes", () => {
    expect(scanWindow("\u001b[1;31mERROR\u001b[0m socket \u001b[33mhang\u001b[39m up")).toBe(
      "ERROR socket hang up",
    );
  });

  it("reads a level name a console coloured as the log prefix it is", () => {
    const red = (word: string) => `\u001b[31m${word}\u001b[39m`;
    expect(scanWindow(`${red("error")} connect ETIMEDOUT\n  ${red("warn")} retrying`)).toBe(
      "ERROR connect ETIMEDOUT\n  WARN retrying",
    );
    expect(scanWindow(`failed: ${red("error")} in the middle`)).toBe("failed: error in the middle");
  });

  it("removes the logs API's <em> search marks", () => {
    expect(scanWindow("request <em>Unauthor</em>ized at <EM>step_2</EM>")).toBe(
      "request Unauthorized at step_2",
    );
  });
});
