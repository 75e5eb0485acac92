import { describe, expect, it } from "vitest";
import { createFlowdoctorClient } from "./client.js";
import { isFlowdoctorError } from "./errors.js";
import { MeDocument } from "./generated/index.js";
import type { FlowdoctorClientOptions } from "./options.js";

const PAGE_END = { hasNextPage: false, endCursor: null };

const messageOf = (options: unknown): string => {
  try {
    createFlowdoctorClient(options as FlowdoctorClientOptions);
  } catch (error) {
    if (isFlowdoctorError(error) && error.code === "INVALID_OPTION") return error.message;
    throw error;
  }
  throw new Error("expected INVALID_OPTION");
};

describe("createFlowdoctorClient validates its options", () => {
  it.each([
    [{ url: "not a url" }, "url must be an absolute http(s) URL"],
    [{ url: "ftp://gateway.example/graphql" }, "url must use http or https (got ftp:)"],
    [{ url: "http://me:key@gateway.example/graphql" }, "url must not contain credentials"],
    [
      { url: "http://x.example", email: "a@b.example" },
      "apiKey must be a non-empty string when email is given",
    ],
    [{ url: "http://x.example", apiKey: "k" }, "email must be a non-empty string when apiKey is given"],
    [{ url: "http://x.example", timeoutMs: 0 }, "timeoutMs must be an integer from 1 to 600000 (got 0)"],
    [{ url: "http://x.example", timeoutMs: 1.5 }, "timeoutMs must be an integer from 1 to 600000 (got 1.5)"],
    [{ url: "http://x.example", retries: 11 }, "retries must be an integer from 0 to 10 (got 11)"],
    [
      { url: "http://x.example", retryDelayMs: -1 },
      "retryDelayMs must be an integer from 0 to 60000 (got -1)",
    ],
    [{ url: "http://x.example", headers: { "x-id": 1 } }, "headers.x-id must be a string"],
    [{ url: "http://x.example", dispatcher: {} }, "dispatcher must be an undici Dispatcher"],
    [{ url: "http://x.example", fetch: "fetch" }, "fetch must be a function like the global fetch"],
  ])("%j -> %s", (options, message) => {
    expect(messageOf(options)).toContain(message);
  });

  it("rejects a missing options object", () => {
    expect(messageOf(undefined)).toBe("options must be an object");
  });

  it("never puts the API key into an error message", () => {
    expect(messageOf({ url: "http://x.example", email: "", apiKey: "s3cret" })).not.toContain("s3cret");
  });

  it("rejects paginating a document whose metadata has no $after variable", () => {
    const client = createFlowdoctorClient({ url: "http://127.0.0.1:9/graphql" });
    expect(() => client.paginate(MeDocument, {}, () => ({ nodes: [], pageInfo: PAGE_END }))).toThrow(
      expect.objectContaining({
        code: "INVALID_OPTION",
        message: "paginate needs a document with an $after: String variable (Me has none)",
      }),
    );
  });

  it("rejects a bad per-call timeout before sending", async () => {
    const client = createFlowdoctorClient({ url: "http://127.0.0.1:9/graphql" });
    await expect(client.gateway(undefined, { timeoutMs: -5 })).rejects.toMatchObject({
      code: "INVALID_OPTION",
      message: "timeoutMs must be an integer from 1 to 600000 (got -5)",
    });
    await client.close();
  });
});
