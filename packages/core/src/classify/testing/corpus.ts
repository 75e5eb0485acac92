import { CLASSIFY_CASES } from "./cases.js";

const TIMESTAMP = "2026-11-24T10:15:42.401Z";
const STACK_TAIL = [
  "    at Object.process (/home/node/lib/actions/upsert.js:88:19)",
  "    at async TaskExec.process (/home/node/node_modules/elasticio-sailor-nodejs/lib/executor.js:42:13)",
  "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
].join("\n");

/** The ways real log lines wrap a message: timestamps and ids, colours, search marks, JSON, stack traces. */
const VARIANTS: readonly ((message: string, index: number) => string)[] = [
  (message) => message,
  (message, index) =>
    `[${TIMESTAMP}] ERROR step_${index % 7} exec 5f1b2c3d4e5f6a7b8c9d0e${(index % 90) + 10}: ${message}`,
  (message) => `\u001b[31merror\u001b[39m ${message.replace(/(\w{6,})/, "<em>$1</em>")}`,
  (message, index) =>
    JSON.stringify({
      level: 50,
      msg: message,
      threadId: `3f2a9c1e-7d4b-4e7a-9f0e-${String(index).padStart(12, "0")}`,
    }),
  (message) => `Error: ${message}\n${STACK_TAIL}`,
];

/** A few hundred varied, realistic error texts for the benchmark (every text case in five wrappings). */
export const BENCH_MESSAGES: readonly string[] = CLASSIFY_CASES.flatMap((item, index) => {
  const message = item.input.message;
  if (typeof message !== "string" || message.length === 0) return [];
  return VARIANTS.map((variant) => variant(message, index));
});
