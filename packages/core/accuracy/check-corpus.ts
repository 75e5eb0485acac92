// pnpm --filter @flowdoctor/core corpus:check [dir]
// Checks the corpus's format (`corpus/README.md`) with the reader the accuracy report uses, and prints the count per
// cause. Exits non-zero on a malformed entry, an unknown cause, a missing reason or two labels for one text.
import { readCorpus } from "./corpus.js";

const corpus = readCorpus(process.argv[2]);
const unexplained = corpus.filter((entry) => typeof entry.why !== "string" || !entry.why.trim());
for (const entry of unexplained) console.log(`${entry.at}: an entry needs its reason (why)`);
const counts = new Map<string, number>();
for (const entry of corpus) counts.set(entry.cause, (counts.get(entry.cause) ?? 0) + 1);
console.log(Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])), `total ${corpus.length}`);
process.exitCode = unexplained.length > 0 ? 1 : 0;
