import { describe, expect, it } from "vitest";
import { fencedBlock, formatBytes, formatCount, trimLog } from "./render-blocks.js";

describe("render blocks", () => {
  it("formats counts with separators, independent of the locale", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1000)).toBe("1,000");
    expect(formatCount(1234567)).toBe("1,234,567");
  });

  it("formats byte sizes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
  });

  it("fences text with a fence longer than any backtick run in it", () => {
    expect(fencedBlock("a\n")).toEqual(["```text", "a", "```"]);
    expect(fencedBlock("``````")).toEqual(["```````text", "``````", "```````"]);
  });

  it("keeps short logs whole and trims long ones to their end", () => {
    expect(trimLog("a\nb", 10)).toEqual({ text: "a\nb" });
    const trimmed = trimLog("first line\nsecond line\nthird line", 15);
    expect(trimmed.text).toBe("third line");
    expect(trimmed.note).toContain("The log has 33 characters; the first 23 are left out here.");
  });

  it("cuts inside a line when the next line start is far away", () => {
    const log = `${"x".repeat(5000)}\nend`;
    const trimmed = trimLog(log, 3000);
    expect(trimmed.text).toBe(log.slice(-3000));
  });
});
