// node packages/core/corpus/check-corpus.mjs file.jsonl — checks the corpus format.
import { readFileSync } from "node:fs";

const CAUSES = [
  "SYSTEM_DOWNTIME",
  "INVALID_CREDENTIALS",
  "RATE_LIMITED",
  "MAPPING",
  "ANSWER_STRUCTURE",
  "REBOUND_EXHAUSTED",
  "COMPONENT_ERROR",
  "COMPONENT_FAILED_TO_START",
  "OUT_OF_MEMORY",
  "MESSAGE_TOO_LARGE",
  "QUEUE_OVERFLOW",
  "FLOW_SUSPENDED",
  "LIMITED_WORKSPACE_STOPPED",
  "CONTRACT_SUSPENDED",
  "QUOTA_EXCEEDED",
  "MESSAGING_FAILURE",
  "UNKNOWN",
];
let bad = 0;
const counts = {};
const seen = new Set();
for (const file of process.argv.slice(2)) {
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${file}:${i + 1}`;
      let e;
      try {
        e = JSON.parse(line);
      } catch (err) {
        console.log(where, "not JSON", err.message);
        bad++;
        return;
      }
      for (const k of ["text", "cause", "source", "why"])
        if (typeof e[k] !== "string" || !e[k].trim()) {
          console.log(where, "missing", k);
          bad++;
        }
      if (!CAUSES.includes(e.cause)) {
        console.log(where, "unknown cause", e.cause);
        bad++;
      }
      if (e.statusCode !== undefined && !Number.isInteger(e.statusCode)) {
        console.log(where, "statusCode not integer");
        bad++;
      }
      if (seen.has(e.text)) {
        console.log(where, "duplicate text");
        bad++;
      }
      seen.add(e.text);
      counts[e.cause] = (counts[e.cause] ?? 0) + 1;
    });
}
console.log(counts, "total", seen.size, bad ? `${bad} problems` : "ok");
process.exitCode = bad ? 1 : 0;
