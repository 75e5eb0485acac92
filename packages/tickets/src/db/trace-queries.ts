import { SpanKind, trace } from "@opentelemetry/api";
import { inSpan } from "../tracing.js";

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

/** The SQL text of a driver call: `query(text, …)` (PGlite, pg) or `query({ text, … })` (pg). */
const sqlOf = (argument: unknown): string => {
  if (typeof argument === "string") return argument;
  const text = (argument as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text : "";
};

/** The statement's first keyword (`select`, `insert`, …), the span's name. */
const operationOf = (sql: string): string => /^\s*(\w+)/.exec(sql)?.[1]?.toLowerCase() ?? "query";

// drizzle sends parameters apart from the text, so the text holds no values and may go on the span as it is.
// Statements outside any span (the outbox's idle polls every 2 s, migrations) would only be noise: not traced.
const traced =
  (method: AsyncMethod): AsyncMethod =>
  (...args) => {
    if (trace.getActiveSpan() === undefined) return method(...args);
    const sql = sqlOf(args[0]);
    const attributes = {
      "db.system.name": "postgresql",
      "db.operation.name": operationOf(sql),
      "db.query.text": sql.slice(0, 2000),
    };
    return inSpan({ name: operationOf(sql), kind: SpanKind.CLIENT, attributes }, () => method(...args));
  };

/**
 * Gives a driver object (PGlite, a pg pool or client) a span per statement run inside a traced operation or delivery by replacing its `query` and `exec`
 * methods on the instance; a PGlite transaction's handle is traced too. Returns the same object.
 */
export const traceQueries = <TDriver extends object>(driver: TDriver): TDriver => {
  const methods = driver as unknown as Record<string, AsyncMethod | undefined>;
  for (const name of ["query", "exec"]) {
    const method = methods[name];
    if (typeof method === "function") methods[name] = traced(method.bind(driver));
  }
  const transaction = methods.transaction;
  if (typeof transaction === "function") {
    const bound = transaction.bind(driver);
    methods.transaction = (work: unknown, ...rest: unknown[]) =>
      bound(
        (handle: object) => (work as (handle: object) => Promise<unknown>)(traceQueries(handle)),
        ...rest,
      );
  }
  return driver;
};
