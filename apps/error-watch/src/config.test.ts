import { describe, expect, it } from "vitest";
import { loadWatchConfig } from "./config.js";
import { isErrorWatchError } from "./errors.js";

const messageOf = (env: Record<string, string>): string => {
  try {
    loadWatchConfig(env);
  } catch (error) {
    if (isErrorWatchError(error) && error.code === "ERROR_WATCH_INVALID_CONFIG") return error.message;
    throw error;
  }
  throw new Error("expected ERROR_WATCH_INVALID_CONFIG");
};

const VALID = {
  FLOWDOCTOR_URL: "http://127.0.0.1:4000/graphql",
  FLOWDOCTOR_EMAIL: "a@b.example",
  FLOWDOCTOR_API_KEY: "k",
};

describe("loadWatchConfig", () => {
  it("fills in the defaults", () => {
    expect(loadWatchConfig(VALID)).toEqual({
      url: VALID.FLOWDOCTOR_URL,
      email: VALID.FLOWDOCTOR_EMAIL,
      apiKey: "k",
      intervalMs: 300_000,
      lookbackMs: 86_400_000,
    });
  });

  it("lists every problem at once, naming the variable", () => {
    const message = messageOf({ WATCH_INTERVAL_MS: "5", FLOWDOCTOR_URL: "gateway" });
    expect(message).toContain("FLOWDOCTOR_EMAIL is required");
    expect(message).toContain("FLOWDOCTOR_API_KEY is required");
    expect(message).toContain('WATCH_INTERVAL_MS must be an integer from 1000 to 86400000 (got "5")');
    expect(message).toContain("FLOWDOCTOR_URL must be an http(s) URL");
  });

  it("never repeats the API key", () => {
    expect(messageOf({ ...VALID, WATCH_LOOKBACK_MS: "x" })).not.toContain(": k");
  });
});
