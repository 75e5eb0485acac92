import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { createUpstreamFailureLog } from "./upstream-failure-log.js";

const capture = () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
};

describe("createUpstreamFailureLog", () => {
  it("logs an error line with the URL without its query, the operation and the cause", () => {
    const { lines, logger } = capture();
    const log = createUpstreamFailureLog({ logger, baseUrl: "https://api.example.test/elastic" });
    log({
      method: "GET",
      path: "/v2/logs?workspace_id=1&search=api_key%3Dabc123secret",
      cause: "ENOTFOUND",
      requestId: "req-1",
      attempts: 2,
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: "the platform could not be reached",
        url: "https://api.example.test/elastic/v2/logs",
        operation: "GET /v2/logs",
        cause: "ENOTFOUND",
        requestId: "req-1",
        attempts: 2,
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("abc123secret");
  });

  it("logs the same operation and cause once per window, then tells how many repeats it left out", () => {
    const { lines, logger } = capture();
    let now = 1_000;
    const log = createUpstreamFailureLog({
      logger,
      baseUrl: "http://127.0.0.1:9",
      windowMs: 10_000,
      now: () => now,
    });
    const refused = { method: "GET", path: "/v2/flows/585918da586224001b96de89", cause: "ECONNREFUSED" };
    log(refused);
    log({ ...refused, path: "/v2/flows/585918da586224001b96de90" });
    log(refused);
    log({ ...refused, cause: "ETIMEDOUT" });
    log({ ...refused, method: "HEAD", path: "/" });
    now += 10_000;
    log(refused);
    expect(lines.map((line) => [line.operation, line.cause, line.repeatsNotLogged])).toEqual([
      ["GET /v2/flows/:id", "ECONNREFUSED", undefined],
      ["GET /v2/flows/:id", "ETIMEDOUT", undefined],
      ["HEAD /", "ECONNREFUSED", undefined],
      ["GET /v2/flows/:id", "ECONNREFUSED", 2],
    ]);
  });
});
