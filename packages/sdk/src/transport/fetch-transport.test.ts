import { Agent, fetch as undiciFetch } from "undici";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFlowdoctorClient } from "../client.js";
import { TypedDocumentString } from "../generated/index.js";
import { json, type ScriptedServer, startScriptedServer } from "../testing/scripted-server.js";
import type { FetchFunction } from "./fetch-types.js";

const ME = new TypedDocumentString<{ me: { email: string } }, Record<string, never>>(
  "query Me { me { email } }",
);

describe("transport on the standard fetch", () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    vi.unstubAllGlobals();
    await server?.close();
    server = undefined;
  });

  it("sends through an injected fetch, never the global one", async () => {
    server = await startScriptedServer([json(200, { data: { me: { email: "alice@acme.example" } } })]);
    const globalFetch = vi.fn(globalThis.fetch);
    vi.stubGlobal("fetch", globalFetch);
    const seen: { url: string; method: string }[] = [];
    const recordingFetch: FetchFunction = (url, init) => {
      seen.push({ url, method: init.method });
      return undiciFetch(url, init);
    };
    const client = createFlowdoctorClient({ url: server.url, fetch: recordingFetch });
    const { data } = await client.request(ME);
    expect(data.me.email).toBe("alice@acme.example");
    expect(seen).toEqual([{ url: server.url, method: "POST" }]);
    expect(globalFetch).not.toHaveBeenCalled();
  });

  it("looks the global fetch up at each call, so interceptors installed later apply", async () => {
    const client = createFlowdoctorClient({ url: "http://gateway.invalid/graphql" });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ data: { me: { email: "stubbed@acme.example" } } }))),
    );
    const { data } = await client.request(ME);
    expect(data.me.email).toBe("stubbed@acme.example");
  });

  it("passes a dispatcher through to undici's fetch", async () => {
    server = await startScriptedServer([json(200, { data: { me: { email: "alice@acme.example" } } })]);
    let dispatched = 0;
    const base = new Agent({ keepAliveTimeout: 1_000 });
    const agent = base.compose((dispatch) => (options, handler) => {
      dispatched += 1;
      return dispatch(options, handler);
    });
    const client = createFlowdoctorClient({ url: server.url, fetch: undiciFetch, dispatcher: agent });
    await client.request(ME);
    await base.close();
    expect(dispatched).toBe(1);
  });

  it("encodes a login beyond Latin-1 as UTF-8 Basic credentials", async () => {
    let authorization: string | undefined;
    server = await startScriptedServer([
      (request, response, body) => {
        authorization = request.headers.authorization;
        json(200, { data: { me: { email: "jörg@acme.example" } } })(request, response, body);
      },
    ]);
    const client = createFlowdoctorClient({ url: server.url, email: "jörg@acme.example", apiKey: "ключ" });
    await client.request(ME);
    const decoded = new TextDecoder().decode(
      Uint8Array.from(atob(authorization?.slice(6) ?? ""), (c) => c.charCodeAt(0)),
    );
    expect(authorization?.startsWith("Basic ")).toBe(true);
    expect(decoded).toBe("jörg@acme.example:ключ");
  });

  it("asks for a fetch when the runtime has none", () => {
    vi.stubGlobal("fetch", undefined);
    expect(() => createFlowdoctorClient({ url: "http://127.0.0.1:9/graphql" })).toThrow(
      expect.objectContaining({
        code: "INVALID_OPTION",
        message: expect.stringContaining("fetch must be given"),
      }),
    );
  });
});
