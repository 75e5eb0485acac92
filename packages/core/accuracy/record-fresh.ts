// pnpm --filter @flowdoctor/core record-fresh [roundNN]
// Records the pipeline's answers to a fresh round's development texts (`accuracy/fresh-answers.ts`), each text
// classified by a pipeline built without its fold. Run it once a round is in and the model retrained, before any rule
// is written against the round; `train` then fits the calibration on every recorded round.
import { combine } from "../src/classify/learned/combine.js";
import { type CorpusEntry, isFresh, readCorpus } from "./corpus.js";
import { type FreshAnswer, textId, writeFreshAnswers } from "./fresh-answers.js";
import { buildLearned, DEFAULT_OPTIONS, developmentPart, partsOf, splitFolds } from "./learn.js";

const roundOf = (entry: CorpusEntry): string | undefined => /^(round\d+)-/.exec(entry.at)?.[1];
const development = developmentPart(readCorpus());
const rounds = [...new Set(development.filter(isFresh).map(roundOf))];
const round = process.argv[2] ?? (rounds.length === 1 ? rounds[0] : undefined);
if (round === undefined || !rounds.includes(round))
  throw new Error(`name one fresh round to record (fresh: ${rounds.join(", ") || "none"})`);
const isRecorded = (entry: CorpusEntry): boolean => isFresh(entry) && roundOf(entry) === round;

const folds = splitFolds(development, DEFAULT_OPTIONS.folds);
const answers: FreshAnswer[] = folds.flatMap((fold, at) => {
  const targets = fold.filter(isRecorded);
  if (targets.length === 0) return [];
  // The answer's kind and raw confidence do not depend on the calibration, so none is passed.
  const { model } = buildLearned(folds.filter((_, other) => other !== at).flat(), DEFAULT_OPTIONS);
  return targets.flatMap((entry) => {
    const parts = partsOf(entry, model);
    if (parts.decision === undefined && parts.prediction === undefined) return []; // nothing to read
    const answer = combine(parts.decision, parts.prediction, model.raw.policy);
    return [
      {
        id: textId(entry.text),
        answer: answer.decision?.cause ?? "UNKNOWN",
        kind: answer.kind,
        raw: answer.raw,
      },
    ];
  });
});
console.log(`wrote ${answers.length} answers to ${writeFreshAnswers(round, answers)}`);
