import { describe, expect, it } from "vitest";
import { readCorpus } from "../../accuracy/corpus.js";
import { alternationSources, matchText } from "./match-text.js";
import { BENCH_MESSAGES } from "./testing/corpus.js";
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

describe("matchText, indexed by literal prefixes", () => {
  /** Each signal's whole pattern, compiled once, the strongest first. */
  const whole = [...TEXT_SIGNALS]
    .sort((a, b) => b.score - a.score)
    .map((signal) => ({ signal, regex: new RegExp(`(?<![\\w])(?:${signal.pattern})`, "gi") }));
  /** The reference: each signal's whole pattern tried at every place outside a word, the strongest first. */
  const reference = (text: string): [string, string][] => {
    const raw: { name: string; cause: string; index: number; text: string; rank: number }[] = [];
    whole.forEach(({ signal, regex }, rank) => {
      regex.lastIndex = 0;
      for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
        raw.push({ name: signal.name, cause: signal.cause, index: match.index, text: match[0], rank });
        regex.lastIndex = match.index + 1;
      }
    });
    raw.sort((a, b) => a.index - b.index || a.rank - b.rank);
    const found: [string, string][] = [];
    let coveredUntil = -1;
    let coveredCause = "";
    let lastIndex = -1;
    for (const match of raw) {
      if (match.index === lastIndex) continue;
      lastIndex = match.index;
      const end = match.index + match.text.length;
      const nested = end <= coveredUntil && match.cause === coveredCause;
      if (!nested && !found.some(([name]) => name === match.name)) {
        found.push([match.name, match.text]);
        if (end > coveredUntil) {
          coveredUntil = end;
          coveredCause = match.cause;
        }
      }
    }
    return found;
  };
  const insensitive = (text: string): [string, string][] =>
    matchText(text)
      .filter((match) => match.signal.name !== "jsonataCode")
      .map((match) => [match.signal.name, match.text]);

  it("finds what trying every signal at every place finds, on the corpus and the benchmark's texts", () => {
    const texts = [...readCorpus().map((entry) => entry.text), ...BENCH_MESSAGES];
    let signalsFound = 0;
    for (const text of texts) {
      const expected = reference(text);
      signalsFound += expected.length;
      expect(insensitive(text), text).toEqual(expected);
    }
    // Not a vacuous comparison: the texts hold about one signal each (many hold none, a log line several).
    expect(signalsFound).toBeGreaterThan(texts.length / 2);
  }, 180_000); // every signal at every place of every corpus text: seconds alone, ten times that beside CI's other tasks

  it("folds case as the RegExp does, beyond ASCII", () => {
    for (const text of [
      "ECONNREFUSED",
      "econnrefused",
      "ВРЕМЯ ОЖИДАНИЯ истекло",
      "Ʃ ſocket hang up",
      "K\u212Aey",
    ])
      expect(insensitive(text), text).toEqual(reference(text));
    expect(names("время ожидания истекло")).toContain("foreignDowntime");
    expect(names("ВРЕМЯ ОЖИДАНИЯ истекло")).toContain("foreignDowntime");
  });
});
