// The pipeline's answers to a round's development texts while the round was fresh: before any rule was written
// against it, each text classified by a pipeline built without its fold (outer cross-validation). Rules are right
// more often on the texts they were written against, so these answers, not the development texts' own, say how
// often an answer of a given kind and raw confidence is right on a family nobody tuned to.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnswerKind } from "../src/classify/learned/types.js";
import { type Cause, isCause } from "../src/taxonomy/taxonomy.js";

/** One recorded answer; `id` names the corpus text (`textId`), so a text relabelled later is judged by its label now. */
export interface FreshAnswer {
  readonly id: string;
  readonly answer: Cause;
  readonly kind: AnswerKind;
  readonly raw: number;
}

const DIR = fileURLToPath(new URL("../corpus/fresh-answers/", import.meta.url));
const KINDS: readonly string[] = ["rule", "learned", "unknown"] satisfies AnswerKind[];

/** A stable name for a text: 64 bits of its SHA-256, so thirty thousand texts do not collide. */
export const textId = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 16);

const parse = (line: string, at: string): FreshAnswer => {
  const value = JSON.parse(line) as Partial<FreshAnswer>;
  if (
    typeof value.id !== "string" ||
    !isCause(value.answer) ||
    !KINDS.includes(value.kind as string) ||
    typeof value.raw !== "number"
  )
    throw new Error(`${at}: a fresh answer needs id, answer, kind and raw`);
  return value as FreshAnswer;
};

/** Every recorded round's answers (`corpus/fresh-answers/<round>.jsonl`). */
export const readFreshAnswers = (dir = DIR): FreshAnswer[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), "utf8")
        .split("\n")
        .flatMap((line, index) => (line.trim() ? [parse(line, `${file}:${index + 1}`)] : [])),
    );

export const writeFreshAnswers = (round: string, answers: readonly FreshAnswer[], dir = DIR): string => {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${round}.jsonl`);
  writeFileSync(
    path,
    answers
      .map((answer) => JSON.stringify(answer))
      .join("\n")
      .concat("\n"),
  );
  return path;
};
