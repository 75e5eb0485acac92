import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { holdsOut, readCorpus } from "./corpus.js";
import { type FreshAnswer, readFreshAnswers, textId, writeFreshAnswers } from "./fresh-answers.js";
import { developmentPart } from "./learn.js";

const CORPUS_DIR = fileURLToPath(new URL("../corpus/", import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "fresh-answers-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("recorded fresh answers", () => {
  it("name a text by 16 hex digits of its hash, the same each time", () => {
    expect(textId("ECONNREFUSED 127.0.0.1:5432")).toMatch(/^[0-9a-f]{16}$/);
    expect(textId("ECONNREFUSED 127.0.0.1:5432")).toBe(textId("ECONNREFUSED 127.0.0.1:5432"));
    expect(textId("ECONNREFUSED 127.0.0.1:5433")).not.toBe(textId("ECONNREFUSED 127.0.0.1:5432"));
  });

  it("are read back as written, every round's file in order", () => {
    const dir = tempDir();
    const a: FreshAnswer = { id: textId("a"), answer: "MAPPING", kind: "rule", raw: 0.84 };
    const b: FreshAnswer = { id: textId("b"), answer: "UNKNOWN", kind: "unknown", raw: 0.12 };
    writeFreshAnswers("round2", [b], dir);
    writeFreshAnswers("round1", [a], dir);
    expect(readFreshAnswers(dir)).toEqual([a, b]);
  });

  it("refuse a malformed line, naming its file and line", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "round9.jsonl"),
      `${JSON.stringify({ id: "x", answer: "MAPPING", kind: "rule", raw: 1 })}\n{"id":"y","answer":"NOPE","kind":"rule","raw":1}\n`,
    );
    expect(() => readFreshAnswers(dir)).toThrow(/round9\.jsonl:2/);
  });

  it("are recorded for every round from 12 on, so each round's calibration evidence is kept", () => {
    const roundsOf = (names: readonly string[]) =>
      new Set(names.flatMap((name) => /^round(\d+)[-.]/.exec(name)?.[1] ?? []).map(Number));
    const corpusRounds = [...roundsOf(readdirSync(CORPUS_DIR))].filter((round) => round >= 12);
    const recorded = roundsOf(readdirSync(join(CORPUS_DIR, "fresh-answers")));
    expect(corpusRounds.length).toBeGreaterThan(0);
    for (const round of corpusRounds) expect(recorded.has(round), `round ${round}`).toBe(true);
  });

  it("as committed, each answer a development text of the corpus, never a held-out one", () => {
    const corpus = readCorpus();
    const development = new Set(developmentPart(corpus).map((entry) => textId(entry.text)));
    const heldOut = new Set(
      corpus.filter((entry) => holdsOut(entry.text)).map((entry) => textId(entry.text)),
    );
    const answers = readFreshAnswers();
    expect(answers.length).toBeGreaterThan(1000);
    for (const answer of answers) {
      expect(heldOut.has(answer.id)).toBe(false);
      expect(development.has(answer.id)).toBe(true);
    }
  });
});
