// redactSecrets throughput on one core, in MB of log text per CPU second, beside the implementation before the
// catalogue of credential shapes (bench/redaction-before.ts, a frozen copy) measured in the same run. Log
// messages are redacted one at a time, as toLogFile and the other surfaces do. Prints figures; never fails on
// speed.
import { redactSecrets, SECRET_EXAMPLES } from "../src/redaction/index.js";
import { redactSecretsBefore } from "./redaction-before.js";

// mulberry32: a seeded generator, so every run measures the same messages.
const createRandom = (seed: number) => {
  let state = seed;
  return (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const random = createRandom(7);
const int = (max: number): number => Math.floor(random() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const hex = (length: number): string => Array.from({ length }, () => "0123456789abcdef"[int(16)]).join("");
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const host = (): string =>
  `${pick(["api", "crm", "erp", "shop"])}${int(50)}.${pick(["acme.com", "example.io"])}`;
const iso = (): string => new Date(Date.UTC(2026, 10, 11) + int(14 * 86_400_000)).toISOString();
const field = (): string => pick(["email", "name", "sku", "customerId", "quantity"]);

/** Error messages as integration components log them: ids, hosts, JSON bodies, stack traces; no secrets. */
const ORDINARY: readonly (() => string)[] = [
  () => `Code: 401 Message: Unauthorized Body: {"error":"invalid_token","request":"${hex(24)}"}`,
  () => `Code: 404 Message: Not Found Body: {"message":"Order ${int(1e6)} not found","trace":"${uuid()}"}`,
  () => `connect ECONNREFUSED 10.${int(255)}.${int(255)}.${int(255)}:${pick([443, 8443, 5432])}`,
  () => `getaddrinfo ENOTFOUND ${host()}`,
  () => `Timeout error! Waiting for response more than ${pick([60000, 120000])} ms`,
  () =>
    `TypeError: Cannot read properties of undefined (reading '${field()}')\n    at Object.process (/home/node/lib/actions/upsert.js:${40 + int(5)}:17)\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)`,
  () => `Failed on publishing ${uuid()} message to MQ: Channel closed`,
  () => `Got error "Too Many Requests", status - "429", body: {"retry_after":${int(60)}}`,
  () => `invalid_grant: refresh token expired for client ${hex(24)}`,
  () => `HTTP 413 Request Entity Too Large at https://${host()}/hook/${hex(24)}?t=${int(1e9)}`,
  () => `Record with external id ${hex(8)}-${int(999)} already exists (sha256:${hex(64)})`,
  () => `POST https://${host()}/api/v2/orders/${int(1e5)}?page=${int(9)} took ${int(900)} ms, ${iso()}`,
  () =>
    `{"level":50,"msg":"upsert failed","flowId":"${hex(24)}","stepId":"step_${int(5)}","threadId":"${uuid()}","err":{"message":"\\"${field()}\\" is required","code":"VALIDATION"}}`,
];
const SECRETS = SECRET_EXAMPLES.map((example) => example.text);
/** The same messages, one in `every` carrying a secret from the catalogue of examples (0: none). */
const generate = (count: number, every: number): string[] =>
  Array.from({ length: count }, () => {
    const message = pick(ORDINARY)();
    return every > 0 && int(every) === 0 ? `${message} (request had ${pick(SECRETS)})` : message;
  });

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
};

/** MB (10^6 UTF-16 code units) per CPU second over rounds of `texts` for at least `ms` of CPU time. */
const measure = (redact: (text: string) => string, texts: readonly string[], ms: number): number => {
  const size = texts.reduce((sum, text) => sum + text.length, 0);
  let done = 0;
  let sink = 0;
  const started = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    for (const text of texts) sink += redact(text).length;
    done += size;
    elapsed = cpuMs() - started;
  }
  if (sink < 0) console.log(sink);
  return done / 1e6 / (elapsed / 1000);
};

const corpora = [
  { label: "log messages, no secrets", texts: generate(20_000, 0) },
  { label: "log messages, 1 in 20 with a secret", texts: generate(20_000, 20) },
  { label: "log messages, half with a secret", texts: generate(20_000, 2) },
  { label: "one 1 MB text, no secrets", texts: [generate(6_000, 0).join("\n")] },
];

for (const { texts } of corpora) {
  measure(redactSecretsBefore, texts, 300);
  measure(redactSecrets, texts, 300);
}
const format = (value: number): string => value.toFixed(1).padStart(8);
console.log(`${"".padEnd(36)} ${"before".padStart(8)} ${"now".padStart(8)}  MB per CPU second`);
for (const { label, texts } of corpora) {
  const before = measure(redactSecretsBefore, texts, 1_500);
  const now = measure(redactSecrets, texts, 1_500);
  const average = Math.round(texts.reduce((sum, text) => sum + text.length, 0) / texts.length);
  console.log(
    `${label.padEnd(36)} ${format(before)} ${format(now)}  (${texts.length} texts, ${average} characters on average)`,
  );
}
const missed = SECRET_EXAMPLES.filter((example) => redactSecretsBefore(example.text) !== example.redacted);
console.log(
  `catalogue examples masked as expected: before ${SECRET_EXAMPLES.length - missed.length}/${SECRET_EXAMPLES.length}, now ${SECRET_EXAMPLES.filter((example) => redactSecrets(example.text) === example.redacted).length}/${SECRET_EXAMPLES.length}`,
);
