// Classifier throughput on one core, beside a baseline measured in the same run: one RegExp.test per message with a
// simple alternation (the shape of the platform doc's quick classifier). Prints figures; never fails on speed.
import { classifyError } from "../src/classify/classify-error.js";
import { BENCH_MESSAGES } from "../src/classify/testing/corpus.js";

const TARGET_PER_SECOND = 100_000;
const BASELINE =
  /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|socket hang up|Unauthorized|Forbidden|invalid_grant|Too Many Requests|Rebound limit exceeded|is required|Unexpected token|OOMKilled|failed to start|exceeds limit/i;

const messages = BENCH_MESSAGES;
let sink = 0;

const baselineRound = (): void => {
  for (const message of messages) if (BASELINE.test(message)) sink += 1;
};
const classifierRound = (): void => {
  for (const message of messages) sink += classifyError({ message }).confidence > 0 ? 1 : 0;
};

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/**
 * Messages per CPU second over rounds of the whole corpus for at least `ms` of CPU time. CPU time, not wall
 * time, is what "on one core" means on a shared machine where other processes take turns on the same cores.
 */
const measure = (round: () => void, ms: number): number => {
  let count = 0;
  const started = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    round();
    count += messages.length;
    elapsed = cpuMs() - started;
  }
  return (count / elapsed) * 1_000;
};

const format = (perSecond: number): string => Math.round(perSecond).toLocaleString("en-US").padStart(12);

measure(baselineRound, 300);
measure(classifierRound, 1_000);
const baseline = measure(baselineRound, 2_000);
const classifier = measure(classifierRound, 2_000);
const averageLength = Math.round(
  messages.reduce((sum, message) => sum + message.length, 0) / messages.length,
);

console.log(`corpus: ${messages.length} messages, ${averageLength} characters on average`);
console.log(`baseline   (one RegExp.test)  ${format(baseline)} messages per CPU second`);
console.log(`classifyError                 ${format(classifier)} messages per CPU second`);
console.log(`ratio classifyError/baseline  ${(classifier / baseline).toFixed(3)}`);
console.log(
  `target ${TARGET_PER_SECOND.toLocaleString("en-US")}/s on one core: ${classifier >= TARGET_PER_SECOND ? "met" : "NOT met"}`,
);
if (sink < 0) console.log(sink);
