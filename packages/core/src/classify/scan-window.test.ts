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

  it("removes the logs API's <em> search marks", () => {
    expect(scanWindow("request <em>Unauthor</em>ized at <EM>step_2</EM>")).toBe(
      "request Unauthorized at step_2",
    );
  });
});
