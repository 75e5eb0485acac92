import { describe, expect, it } from "vitest";
import { readCorpus } from "../../../accuracy/corpus.js";
import { classifyError } from "../classify-error.js";
import { LEARNED_MODEL } from "./model.js";
import { learnedModel, predictCause } from "./predict.js";
import { learnedFeatures, learnedWords } from "./tokens.js";

// Hand-written for these tests; none of them is in the corpus.
const NEW_TEXTS = [
  [
    "SYSTEM_DOWNTIME",
    "The upstream server is temporarily unavailable, connection refused while contacting the host",
  ],
  [
    "INVALID_CREDENTIALS",
    "Authentication failed: the access token is invalid or has expired, please log in again",
  ],
  ["RATE_LIMITED", "You have exceeded the rate limit for this API, too many requests, slow down"],
  ["MAPPING", "Validation failed: field 'customerId' is required and must be a string"],
  ["ANSWER_STRUCTURE", "Unexpected token < in JSON at position 0 while parsing the response body"],
  [
    "OUT_OF_MEMORY",
    "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory in worker",
  ],
] as const;

describe("predictCause", () => {
  it.each(NEW_TEXTS)("names %s for a new text", (cause, text) => {
    const prediction = predictCause(text);
    expect(prediction.cause).toBe(cause);
    expect(prediction.probability).toBeGreaterThan(0.5);
    expect(prediction.tokens.length).toBeGreaterThan(0);
    expect(prediction.tokens.length).toBeLessThanOrEqual(3);
  });

  it("reads exactly the features training read, found by word numbers instead of strings", () => {
    const model = learnedModel();
    for (const { text } of readCorpus()) {
      const known = learnedFeatures(text).filter((feature) => model.features.has(feature));
      expect(predictCause(text).support, text).toBe(known.length);
    }
  });

  it("is deterministic", () => {
    for (const [, text] of NEW_TEXTS) expect(predictCause(text)).toEqual(predictCause(text));
  });

  it("gives no features, and no answer, for an empty text", () => {
    const prediction = predictCause("");
    expect(prediction.support).toBe(0);
    expect(prediction.tokens).toEqual([]);
  });

  it("tells a text that reports an outcome from one that only reports a failure", () => {
    expect(predictCause("processing 500 records took 503 ms").reportsOutcome).toBe(true);
    expect(predictCause("Operation completed with warnings, see details").reportsOutcome).toBe(true);
    expect(predictCause("Record 403 in /api/v2/orders/403 was skipped").reportsOutcome).toBe(true);
    expect(
      predictCause("Processing halted: document 7 is in state HOLD_REVIEW at the partner").reportsOutcome,
    ).toBe(true);
    expect(predictCause("connect ECONNREFUSED 10.0.0.7:443").reportsOutcome).toBe(false);
    expect(predictCause("Order 401 processed, id 5f401a2b").namesFailure).toBe(false);
    expect(predictCause("Processing halted: document 7 is in state HOLD_REVIEW").namesFailure).toBe(true);
    expect(predictCause("Batch processed; 3 records failed validation").namesFailure).toBe(true);
  });

  it("comes from a generated model trained on development texts", () => {
    expect(LEARNED_MODEL.trainedOn).toBeGreaterThan(500);
    expect(LEARNED_MODEL.policy.threshold).toBeGreaterThanOrEqual(0.2);
  });
});

describe("the model's words", () => {
  it("replaces variable parts by placeholders and keeps HTTP error statuses", () => {
    expect(
      learnedWords(
        "[2026-11-24T10:15:42.401Z] GET https://api.example.com/v2/orders/42?x=1 for ops@example.com 3f2a9c1e-7d4b-4e7a-9f0e-000000000001 answered 503 after 1500 ms, userRateLimitExceeded",
      ),
    ).toEqual([
      "_time_",
      "get",
      "api",
      "example",
      "com",
      "_url_",
      "for",
      "_email_",
      "_id_",
      "answered",
      "503",
      "after",
      "_num_",
      "ms",
      "user",
      "rate",
      "limit",
      "exceeded",
    ]);
  });

  it("reads a path of two or more segments as one placeholder: the resource it names is not what failed", () => {
    expect(
      learnedWords("Record 403 in /api/v2/orders/403 was skipped; open '/tmp/in.json' and/or /x"),
    ).toEqual(["record", "403", "in", "_path_", "was", "skipped", "open", "_path_", "and", "or", "x"]);
  });

  it("reads the name of a setting given a number as a placeholder, but not a status's", () => {
    expect(learnedWords('options: { timeout: 30000, "retries"=3 }')).toEqual([
      "options",
      "_setting_",
      "_num_",
      "_setting_",
      "_num_",
    ]);
    expect(learnedWords("status: 503 timeout after 30 s")).toEqual([
      "status",
      "503",
      "timeout",
      "after",
      "_num_",
      "s",
    ]);
    expect(classifyError({ message: "options: { timeout: 30000 }" }).cause).toBe("UNKNOWN");
  });

  it("keeps a status only next to its neighbours, never bare", () => {
    const features = learnedFeatures("status 401 unauthorized");
    expect(features).toContain("status 401");
    expect(features).toContain("401 unauthorized");
    expect(features).not.toContain("401");
  });

  it("reads character pairs of scripts without spaces", () => {
    expect(learnedFeatures("接続がタイムアウトしました")).toContain("#接続");
  });
});

describe("classifyError with the learned model", () => {
  it("answers from the model where the rules find nothing, and names the words", () => {
    const result = classifyError({ message: "the server host closed the connection" });
    expect(result.cause).toBe("SYSTEM_DOWNTIME");
    expect(result.evidence).toEqual([
      { signal: "learnedTokens", source: "message", value: expect.stringContaining("server") },
    ]);
    expect(result.retryable).toBe(true);
    expect(classifyError({ message: "api key invalid for this account" }).cause).toBe("INVALID_CREDENTIALS");
    expect(classifyError({ message: "the api limit was exceeded for this account" }).cause).toBe(
      "RATE_LIMITED",
    );
  });

  it("lets a status code field beat the model", () => {
    const result = classifyError({ message: "the server host closed the connection", statusCode: 401 });
    expect(result.cause).toBe("INVALID_CREDENTIALS");
    expect(result.evidence.map((item) => item.signal)).not.toContain("learnedTokens");
  });

  it("lets a platform fact beat the model", () => {
    const result = classifyError({
      message: "the server host closed the connection",
      context: { containerExit: { state: "Killed", exitCode: 137 } },
    });
    expect(result.cause).toBe("OUT_OF_MEMORY");
  });

  it("never overrides a rule's answer", () => {
    // The model alone reads this as downtime ("server", "host"); the rules' phrase says credentials.
    const message = "the server host closed the connection: invalid_grant";
    expect(predictCause(message).cause).toBe("SYSTEM_DOWNTIME");
    const result = classifyError({ message });
    expect(result.cause).toBe("INVALID_CREDENTIALS");
    expect(result.evidence.map((item) => item.signal)).not.toContain("learnedTokens");
  });

  it("stays UNKNOWN on a bare word, more likely right there than on words it cannot read", () => {
    // An UNKNOWN's confidence is the chance that UNKNOWN is right: a text that names nothing has no cause to find,
    // while a sentence in words the model never saw may well have one.
    const bare = classifyError({ message: "Error" });
    const unread = classifyError({ message: "Fehler beim Verarbeiten des Datensatzes" });
    expect([bare.cause, unread.cause]).toEqual(["UNKNOWN", "UNKNOWN"]);
    expect(bare.confidence).toBeGreaterThan(unread.confidence);
    expect(unread.confidence).toBeLessThan(0.5);
  });
});
