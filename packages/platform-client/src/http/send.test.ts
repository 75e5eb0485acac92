import { createServer } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPlatformClient } from "../client.js";
import { isPlatformError } from "../errors.js";
import { type Harness, rejectionOf, startHarness } from "../testing/harness.js";
import { FLOW_ID, WORKSPACE_ID } from "../testing/test-scenario.js";
import type { AttemptOutcome } from "./hooks.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());
beforeEach(() => harness.setFaults([]));

const codeOf = (error: unknown) => (isPlatformError(error) ? error.code : String(error));

/** A port nothing listens on: bound, then released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe("retries and faults", () => {
  it("rides out a burst of 503 on a read: three attempts, then the answer", async () => {
    harness.setFaults([{ path: "/v2/flows/*", status: 503, times: 2 }]);
    const { platform, attempts } = harness.client({ retries: 2 });
    expect((await platform.getFlow(FLOW_ID)).id).toBe(FLOW_ID);
    expect(attempts.map((attempt) => [attempt.status, attempt.willRetry])).toEqual([
      [503, true],
      [503, true],
      [200, false],
    ]);
  });

  it("surfaces PLATFORM_UNAVAILABLE once the retries are used up", async () => {
    harness.setFaults([{ path: "/v2/flows/*", status: 502 }]);
    const { platform, attempts } = harness.client({ retries: 2 });
    const error = await rejectionOf(platform.getFlow(FLOW_ID));
    expect(error).toMatchObject({ code: "PLATFORM_UNAVAILABLE", status: 502, method: "GET" });
    expect(attempts).toHaveLength(3);
  });

  it("does not retry a 500 or a state change answered with 503", async () => {
    harness.setFaults([{ path: "/v2/flows/*", status: 503 }]);
    const { platform, attempts } = harness.client({ retries: 3 });
    expect(codeOf(await rejectionOf(platform.startFlow(FLOW_ID)))).toBe("PLATFORM_UNAVAILABLE");
    expect(attempts).toHaveLength(1);
    harness.setFaults([{ path: "/v2/users/me", status: 500 }]);
    expect(codeOf(await rejectionOf(platform.me()))).toBe("PLATFORM_UNAVAILABLE");
    expect(attempts).toHaveLength(2);
  });

  it("honours Retry-After on 429", async () => {
    harness.setFaults([{ path: "/v2/users/me", status: 429, retryAfterSeconds: 1, times: 1 }]);
    const { platform, attempts } = harness.client();
    const started = Date.now();
    expect((await platform.me()).email).toBe("admin@acme.test");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(attempts.map((attempt) => attempt.status)).toEqual([429, 200]);
  });

  it("surfaces a Retry-After longer than the client may wait, with the wait asked for", async () => {
    harness.setFaults([{ path: "/v2/users/me", status: 429, retryAfterSeconds: 120 }]);
    const { platform, attempts } = harness.client();
    const error = await rejectionOf(platform.me());
    expect(error).toMatchObject({ code: "PLATFORM_RATE_LIMITED", status: 429, retryAfterMs: 120_000 });
    expect(attempts).toHaveLength(1);
  });

  it("retries a read whose connection was dropped, but not a start", async () => {
    harness.setFaults([{ path: "/v2/flows/*", dropConnection: true, times: 1 }]);
    const { platform, attempts } = harness.client();
    expect((await platform.getFlow(FLOW_ID)).id).toBe(FLOW_ID);
    expect(attempts.map((attempt) => attempt.errorCode ?? attempt.status)).toEqual(["PLATFORM_NETWORK", 200]);
    harness.setFaults([{ path: "/v2/flows/*", dropConnection: true, times: 1 }]);
    expect(codeOf(await rejectionOf(platform.startFlow(FLOW_ID)))).toBe("PLATFORM_NETWORK");
    expect(attempts).toHaveLength(3);
  });

  it("times out a slow answer per attempt and retries it", async () => {
    // undici checks its timeouts on a coarse timer (about every half second), so the fault must be slower than that.
    harness.setFaults([{ path: "/v2/users/me", latencyMs: 5_000 }]);
    const { platform, attempts } = harness.client({ timeoutMs: 100, retries: 1 });
    const started = Date.now();
    const error = await rejectionOf(platform.me());
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(error).toMatchObject({ code: "PLATFORM_TIMEOUT", method: "GET", path: "/v2/users/me" });
    expect(attempts.map((attempt) => attempt.errorCode)).toEqual(["PLATFORM_TIMEOUT", "PLATFORM_TIMEOUT"]);
    expect(attempts.map((attempt) => attempt.networkCause)).toEqual([
      "UND_ERR_HEADERS_TIMEOUT",
      "UND_ERR_HEADERS_TIMEOUT",
    ]);
  });

  it("times out a body that stalls between chunks", async () => {
    // Eight pieces three seconds apart: the first arrives with the headers, the next only after the timeout.
    harness.setFaults([{ path: "/v2/users/me", slowBodyMs: 24_000 }]);
    const { platform, attempts } = harness.client({ timeoutMs: 200, retries: 0 });
    const started = Date.now();
    const error = await rejectionOf(platform.me());
    expect(error).toMatchObject({ code: "PLATFORM_TIMEOUT", path: "/v2/users/me" });
    expect(Date.now() - started).toBeLessThan(2_900);
    expect(attempts).toHaveLength(1);
  });

  it("stops retrying when the retry budget is spent", async () => {
    harness.setFaults([{ path: "/v2/flows/*", status: 503 }]);
    const { platform, attempts } = harness.client({ retries: 5, retryBudget: { ratio: 0, burst: 3 } });
    await rejectionOf(platform.getFlow(FLOW_ID));
    await rejectionOf(platform.getFlow(FLOW_ID));
    expect(attempts).toHaveLength(5);
    expect(attempts.filter((attempt) => attempt.willRetry)).toHaveLength(3);
  });

  it("aborts a call, waits included, with the signal's reason", async () => {
    harness.setFaults([{ path: "/v2/users/me", latencyMs: 2_000 }]);
    const { platform } = harness.client();
    const controller = new AbortController();
    const pending = rejectionOf(platform.me({ signal: controller.signal }));
    setTimeout(() => controller.abort(new Error("user went away")), 30);
    expect(((await pending) as Error).message).toBe("user went away");
  });
});

describe("network errors", () => {
  it("reports a refused connection as PLATFORM_NETWORK and retries even a start", async () => {
    const port = await closedPort();
    const attempts: AttemptOutcome[] = [];
    const platform = createPlatformClient({
      baseUrl: `http://127.0.0.1:${port}`,
      email: "a@b.c",
      apiKey: "k",
      retryDelayMs: 1,
      hooks: { onResponse: (outcome) => attempts.push(outcome) },
    });
    const error = await rejectionOf(platform.startFlow(FLOW_ID));
    expect(error).toMatchObject({ code: "PLATFORM_NETWORK", method: "POST" });
    expect((error as Error).message).toContain("ECONNREFUSED");
    expect(attempts.map((outcome) => [outcome.attempt, outcome.networkCause])).toEqual([
      [1, "ECONNREFUSED"],
      [2, "ECONNREFUSED"],
      [3, "ECONNREFUSED"],
    ]);
    await platform.close();
  });
});

describe("name resolution", () => {
  it("reports an unknown host as PLATFORM_NETWORK naming the DNS failure", async () => {
    const platform = createPlatformClient({
      baseUrl: "http://flowdoctor-no-such-host.invalid",
      email: "a@b.c",
      apiKey: "k",
      retries: 0,
    });
    const error = await rejectionOf(platform.me());
    expect(error).toMatchObject({ code: "PLATFORM_NETWORK", method: "GET", path: "/v2/users/me" });
    expect((error as Error).message).toMatch(/ENOTFOUND|EAI_AGAIN/);
    await platform.close();
  }, 20_000);
});

describe("hooks and dispatchers", () => {
  it("lets a hook add headers and shares an injected dispatcher, which close() leaves open", async () => {
    const agent = new Agent({ connections: 2 });
    const { platform, attempts } = harness.client({
      dispatcher: agent,
      hooks: {
        onRequest: ({ context }) => ({ "x-request-id": String(context) }),
        onResponse: () => {
          throw new Error("a broken hook must not break the request");
        },
      },
    });
    expect(
      (await platform.listFlows({ workspaceId: WORKSPACE_ID, pageSize: 1 }, { context: "req-1" })).items,
    ).toHaveLength(1);
    await platform.close();
    expect(agent.closed).toBe(false);
    expect(attempts).toHaveLength(0);
    await agent.close();
  });

  it("runs each attempt once inside wrapAttempt, its hooks too, and ignores a wrapper that throws or skips it", async () => {
    harness.setFaults([{ path: "/v2/users/me", status: 503, times: 1 }]);
    const events: string[] = [];
    const { platform } = harness.client({
      retryDelayMs: 1,
      hooks: {
        wrapAttempt: async ({ attempt }, run) => {
          events.push(`start ${attempt}`);
          await run();
          events.push(`end ${attempt}`);
        },
        onRequest: ({ attempt }) => void events.push(`request ${attempt}`),
        onResponse: ({ attempt, status }) => void events.push(`response ${attempt} ${status}`),
      },
    });
    await platform.me();
    expect(events).toEqual([
      "start 1",
      "request 1",
      "response 1 503",
      "end 1",
      "start 2",
      "request 2",
      "response 2 200",
      "end 2",
    ]);
    await platform.close();
    for (const wrapAttempt of [
      async () => {
        throw new Error("broken wrapper");
      },
      async () => undefined,
    ]) {
      const broken = harness.client({ hooks: { wrapAttempt } });
      expect((await broken.platform.me()).email).toBeTruthy();
      await broken.platform.close();
    }
  });
});
