import { CLASSIFY_CASES } from "./cases.js";

const TIMESTAMP = "2026-11-24T10:15:42.401Z";
const STACK_TAIL = [
  "    at Object.process (/home/node/lib/actions/upsert.js:88:19)",
  "    at async TaskExec.process (/home/node/node_modules/elasticio-sailor-nodejs/lib/executor.js:42:13)",
  "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
].join("\n");

const LONG_STACK = Array.from({ length: 12 }, (_, index) =>
  index % 3 === 0
    ? `    at handler${index} (/home/node/lib/actions/sync-orders.js:${100 + index}:17)`
    : `    at Request.emit${index} (/home/node/node_modules/axios/lib/core/dispatch-request.js:${40 + index}:12)`,
).join("\n");
const ORDER_BODY = JSON.stringify({
  orderId: "SO-100245",
  customer: { id: "5f1b2c3d4e5f6a7b8c9d0e1f", email: "buyer@example.com", tier: "gold" },
  lines: Array.from({ length: 6 }, (_, index) => ({
    sku: `SKU-${4000 + index}`,
    qty: index + 1,
    price: 19.99,
  })),
  requestTimeoutMs: 60000,
});

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
  (message, index) =>
    `[${TIMESTAMP}] step_${index % 7} failed: ${message}\n${LONG_STACK}\ninput: ${ORDER_BODY}`,
];

/** About a thousand varied, realistic error texts for the benchmark (every text case in six wrappings). */
export const BENCH_MESSAGES: readonly string[] = CLASSIFY_CASES.flatMap((item, index) => {
  const message = item.input.message;
  if (typeof message !== "string" || message.length === 0) return [];
  return VARIANTS.map((variant) => variant(message, index));
});
