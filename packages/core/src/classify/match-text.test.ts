import { describe, expect, it } from "vitest";
import { alternationSources, matchText } from "./match-text.js";
import { CASE_SENSITIVE_SIGNALS, TEXT_SIGNALS } from "./text-signals.js";

const names = (text: string): string[] => matchText(text).map((match) => match.signal.name);

describe("the signal table", () => {
  it("is compiled in alternations short enough for V8 to optimise (under 20 KB each)", () => {
    const sources = alternationSources();
    expect(sources.length).toBeGreaterThan(2);
    for (const source of sources) expect(source.length).toBeLessThan(20 * 1024);
  });

  it("has unique names and scores within 50..100", () => {
    const all = [...TEXT_SIGNALS, ...CASE_SENSITIVE_SIGNALS];
    expect(new Set(all.map((signal) => signal.name)).size).toBe(all.length);
    for (const signal of all) {
      expect(signal.score).toBeGreaterThanOrEqual(50);
      expect(signal.score).toBeLessThanOrEqual(100);
    }
  });

  it("never matches an empty string", () => {
    for (const signal of [...TEXT_SIGNALS, ...CASE_SENSITIVE_SIGNALS]) {
      expect(new RegExp(signal.pattern).test("")).toBe(false);
    }
  });
});

describe("matchText", () => {
  it("finds each signal once, with the text it matched", () => {
    const found = matchText("ECONNRESET, then ECONNRESET again, then socket hang up");
    expect(found.map((match) => [match.signal.name, match.text])).toEqual([
      ["nodeNetworkCode", "ECONNRESET"],
      ["timeoutWaitingForResponse", "socket hang up"],
    ]);
  });

  it("reports the more specific signal where two start at the same place", () => {
    expect(names("Access denied for user 'eio'@'10.0.0.1'")).toEqual(["credentialPhrase"]);
  });

  it("finds a signal that starts inside another one", () => {
    expect(names("Flow 5f1b has been suspended due to queue overflow")).toEqual(
      expect.arrayContaining(["flowSuspendedText", "queueOverflowSuspension"]),
    );
  });

  it("does not count a weaker signal nested in a match for the same cause", () => {
    expect(names("the request timed out")).toEqual(["timeoutWaitingForResponse"]);
  });

  it("does not match inside words", () => {
    expect(names("moderate limits apply; requestTimeout=5")).toEqual([]);
    expect(names("websocket hang up; MyPayloadTooLargeErrorHandler")).toEqual([]);
  });

  it("matches case-insensitively, except for JSONata codes", () => {
    expect(names("SOCKET HANG UP")).toEqual(["timeoutWaitingForResponse"]);
    expect(names("T2002: bad")).toEqual(["jsonataCode"]);
    expect(names("t2002: bad")).toEqual([]);
  });

  it("returns nothing for an empty text", () => {
    expect(matchText("")).toEqual([]);
  });
});
