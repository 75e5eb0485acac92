import { describe, expect, it } from "vitest";
import {
  findControlCharacter,
  hasStackFrame,
  imageInsteadOfText,
  looksLikeLogLine,
  sentenceCount,
  stripAnsi,
  wordCount,
} from "./text-checks.js";

describe("findControlCharacter", () => {
  it("accepts tabs and line breaks", () => {
    expect(findControlCharacter("a\tb\r\nc\n", false)).toBeUndefined();
  });

  it("finds NUL, DEL, C1 controls and the replacement character with their position", () => {
    expect(findControlCharacter("ab\u0000c", false)).toEqual({ position: 2, codePoint: "U+0000" });
    expect(findControlCharacter("x\u007F", false)).toEqual({ position: 1, codePoint: "U+007F" });
    expect(findControlCharacter("\u0085", false)).toEqual({ position: 0, codePoint: "U+0085" });
    expect(findControlCharacter("PNG\uFFFD\uFFFD", false)).toEqual({ position: 3, codePoint: "U+FFFD" });
  });

  it("tolerates ANSI colour sequences only when asked, and still finds a bare ESC", () => {
    const coloured = "\u001B[31mERROR\u001B[0m boom";
    expect(findControlCharacter(coloured, true)).toBeUndefined();
    expect(findControlCharacter(coloured, false)).toEqual({ position: 0, codePoint: "U+001B" });
    expect(findControlCharacter("a\u001Bb", true)).toEqual({ position: 1, codePoint: "U+001B" });
  });

  it("strips ANSI sequences", () => {
    expect(stripAnsi("\u001B[1;31mERROR\u001B[0m boom")).toBe("ERROR boom");
  });
});

describe("imageInsteadOfText", () => {
  it("catches data URIs, image names and URLs, and base64 blobs", () => {
    expect(imageInsteadOfText("see data:image/png;base64,iVBORw0KGgo=")).toContain("embedded image");
    expect(imageInsteadOfText("  screenshot.PNG ")).toContain("reference to an image");
    expect(imageInsteadOfText("https://imgur.example/a/b.jpg?x=1")).toContain("reference to an image");
    expect(imageInsteadOfText("A".repeat(120))).toContain("base64");
  });

  it("leaves real text alone, even when it mentions an image file", () => {
    expect(imageInsteadOfText("Failed to upload invoice.png to SFTP: ECONNRESET")).toBeUndefined();
    expect(imageInsteadOfText("Error: Request failed with status code 500")).toBeUndefined();
  });
});

describe("stack traces and log lines", () => {
  it("recognises Node and Java stack frames", () => {
    expect(hasStackFrame("TypeError: x is not a function at Object.process (/home/node/lib/a.js:12:5)")).toBe(
      true,
    );
    expect(hasStackFrame("at /app/lib/actions/upsert.js:40:11")).toBe(true);
    expect(hasStackFrame("at io.elastic.api.Sailor.run(Sailor.java:42)")).toBe(true);
    expect(hasStackFrame("Orders flow fails at step 2")).toBe(false);
    expect(hasStackFrame("Sync stops at 10:30 every day")).toBe(false);
  });

  it("recognises timestamped, JSON and logfmt log lines", () => {
    expect(looksLikeLogLine("2026-03-27T08:15:02.120Z ERROR step_2 failed")).toBe(true);
    expect(looksLikeLogLine("[2026-03-27 08:15:02] warn: slow")).toBe(true);
    expect(looksLikeLogLine('{"name":"sailor","level":50,"msg":"boom"}')).toBe(true);
    expect(looksLikeLogLine("ts=1 level=error msg=boom")).toBe(true);
    expect(looksLikeLogLine("Error in the orders flow since 2026-03-27")).toBe(false);
  });
});

describe("sentenceCount and wordCount", () => {
  it("counts sentences, not dots in versions or abbreviations before lowercase words", () => {
    expect(sentenceCount("Sailor 2.7.8 upgrade breaks the mapper")).toBe(1);
    expect(sentenceCount("Why does the flow stop?")).toBe(1);
    expect(sentenceCount("Flow stops. Messages are lost. Help!")).toBe(3);
    expect(sentenceCount("Fails with HTTP 500. 3 orders lost")).toBe(2);
    expect(sentenceCount("Mapping fails, e.g. for customers")).toBe(1);
  });

  it("counts words separated by any whitespace", () => {
    expect(wordCount("  one\ttwo\nthree  ")).toBe(3);
    expect(wordCount("")).toBe(0);
  });
});
