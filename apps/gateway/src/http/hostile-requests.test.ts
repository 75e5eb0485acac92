// Requests an attacker (or a careless client) sends, over real HTTP against the demo emulator: each must be refused
// or answered quickly, with a 4xx and a stable code, and the gateway must go on serving everyone else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";

const repeat = (count: number, make: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => make(index)).join(" ");

/** `count` fragments, each spreading the one before twice in one selection set. */
const fanOut = (count: number, body: (previous: string) => string) => {
  const fragments = ["fragment F0 on Query { gateway { version } }"];
  for (let index = 1; index < count; index += 1)
    fragments.push(`fragment F${index} on Query { ${body(`F${index - 1}`)} }`);
  return `query FanOut { ...F${count - 1} }\n${fragments.join("\n")}`;
};

const EVERYTHING =
  "fragment everything on __Schema { types { name kind fields { name args { name type { name ofType { name } } } } } directives { name args { name } } }";

describe("hostile requests", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  let flowId: string;

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const started = performance.now();
    const response = await fetch(env.gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
    return { status: response.status, headers: response.headers, json, ms: performance.now() - started };
  };

  const stillServes = async () => {
    const { status, json } = await post({ query: "{ gateway { version } }" });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
  };

  beforeAll(async () => {
    env = await startEmulatorGateway();
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const flow = env.emulator.scenario.flows.find((candidate) => candidate.userId === alice?.id);
    workspaceId = flow?.workspaceId ?? "";
    flowId = flow?.id ?? "";
  });
  afterAll(async () => {
    await env?.close();
  });

  it("refuses 500 aliased introspections without a login, costed by the schema's size", async () => {
    const query = `{ ${repeat(500, (index) => `s${index}: __schema { ...everything }`)} } ${EVERYTHING}`;
    const { status, json, ms } = await post({ query });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
    expect(ms).toBeLessThan(2_000);
    // Under the alias cap, the copies' cost still adds up.
    const copies = await post({
      query: `{ ${repeat(25, (index) => `s${index}: __schema { ...everything }`)} } ${EVERYTHING}`,
    });
    expect(copies.json.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost" });
    await stillServes();
  });

  it("answers fragments that fan out quickly, and refuses those whose copies are real at once", async () => {
    for (const count of [27, 40]) {
      const twice = await post({ query: fanOut(count, (previous) => `...${previous} ...${previous}`) });
      expect(twice.status).toBe(200);
      expect(twice.ms).toBeLessThan(2_000);
      const aliased = await post({
        query: fanOut(
          count,
          (previous) => `a: gateway { version } ...${previous} b: __typename ...${previous}`,
        ),
      });
      expect(aliased.status).toBe(400);
      expect(aliased.json.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
      expect(aliased.ms).toBeLessThan(2_000);
    }
    await stillServes();
  });

  it("refuses a flood of 40,000 fields by its tokens, before validation", async () => {
    const { status, json, ms } = await post({ query: `{ ${"__typename ".repeat(40_000)} }` });
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "tokens" });
    expect(ms).toBeLessThan(1_000);
  });

  it("refuses repeats under the token cap that would make validation compare every pair", async () => {
    const spreads = repeat(400, (index) => `...F${index}`);
    const fragments = repeat(400, (index) => `fragment F${index} on Query { gateway { version } }`);
    for (const query of [`{ ${"gateway { version } ".repeat(1_200)} }`, `{ ${spreads} } ${fragments}`]) {
      const { status, json, ms } = await post({ query });
      expect(status).toBe(400);
      expect(json.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "comparisons" });
      expect(ms).toBeLessThan(1_000);
    }
    const few = await post({ query: `{ ${"gateway { version } ".repeat(20)} }` });
    expect(few.status).toBe(200);
  });

  it("refuses a storm of aliased diagnoses, and diagnoses one flow once however often it is aliased", async () => {
    const storm = await post(
      {
        query: `{ ${repeat(5_000, (index) => `d${index}: diagnoseFlow(flowId: "${flowId}") { nextActions }`)} }`,
      },
      env.as("alice"),
    );
    expect(storm.status).toBe(400);
    expect(storm.json.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
    expect(env.upstreamCalls()).toEqual([]);

    const once = await post(
      { query: `{ diagnoseFlow(flowId: "${flowId}") { nextActions } }` },
      env.as("alice"),
    );
    expect(once.json.errors).toBeUndefined();
    const callsForOne = env.upstreamCalls().length;
    env.emulator.resetRequests();
    const aliased = await post(
      {
        query: `{ ${repeat(20, (index) => `d${index}: diagnoseFlow(flowId: "${flowId}") { nextActions }`)} }`,
      },
      env.as("alice"),
    );
    expect(aliased.json.errors).toBeUndefined();
    expect(env.upstreamCalls().length).toBeLessThanOrEqual(callsForOne);
  });

  it("reads page sizes hidden in variable defaults", async () => {
    const hidden = `query Hidden($n: Int = 100) { errors(workspaceId: "${workspaceId}", first: $n) { nodes { logs(first: $n) { message level timestamp stepId } } } }`;
    const { status, json } = await post({ query: hidden }, env.as("alice"));
    expect(status).toBe(400);
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost" });
    const small = await post({ query: hidden, variables: { n: 2 } }, env.as("alice"));
    expect(small.json.errors).toBeUndefined();
  });

  it("answers every malformed request with a 4xx and a code, never a 500", async () => {
    const cases: { body: unknown; status: number; code: string }[] = [
      { body: { query: "{ gateway { " }, status: 400, code: "GRAPHQL_PARSE_FAILED" },
      { body: { query: "{ nope }" }, status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
      { body: {}, status: 400, code: "BAD_REQUEST" },
      { body: { query: 42 }, status: 400, code: "BAD_REQUEST" },
      {
        body: { query: "query Q($n: Int!) { contracts(first: $n) { totalCount } }", variables: { n: "x" } },
        status: 400,
        code: "BAD_USER_INPUT",
      },
      {
        body: { query: "query A { gateway { version } }", operationName: "B" },
        status: 400,
        code: "OPERATION_RESOLUTION_FAILURE",
      },
      { body: [{ query: "{ gateway { version } }" }], status: 400, code: "BAD_REQUEST" },
      {
        body: { query: `{ ${repeat(40, (index) => `g${index}: gateway { version }`)} }` },
        status: 400,
        code: "QUERY_TOO_COMPLEX",
      },
    ];
    for (const { body, status, code } of cases) {
      const answer = await post(body);
      expect({ body, status: answer.status, code: answer.json.errors?.[0]?.extensions?.code }).toEqual({
        body,
        status,
        code,
      });
    }
    const get = await fetch(
      `${env.gateway.graphqlUrl}?query=${encodeURIComponent('mutation { cancelTicket(id: "x") { id } }')}`,
      {
        headers: { "apollo-require-preflight": "true" },
      },
    );
    expect(get.status).toBe(405);
  });
});

describe("fairness between callers", () => {
  let env: EmulatorGateway;
  beforeAll(async () => {
    env = await startEmulatorGateway({
      MAX_CONCURRENT_OPERATIONS_PER_CALLER: "2",
      MAX_QUERY_COST: "1000",
      MAX_COST_PER_MINUTE: "1500",
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  const me = (headers: Record<string, string>) => env.gateway.query("{ me { id } }", { headers });

  it("refuses a caller's operations past its maximum at once with RATE_LIMITED, while others are served", async () => {
    env.emulator.setFaults([{ path: "/v2/users/me", latencyMs: 400 }]);
    try {
      const bob = env.as("bob");
      const answers = await Promise.all([
        me(bob),
        me(bob),
        me(bob),
        me(env.as("alice")),
        me(env.as("alice")),
      ]);
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 429)).toHaveLength(1);
      const refused = answers.find((answer) => answer.status === 429);
      expect(refused?.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(refused?.body.errors?.[0]?.extensions).toMatchObject({
        code: "RATE_LIMITED",
        retryAfter: expect.any(Number),
      });
      expect(statuses.slice(3)).toEqual([200, 200]);
    } finally {
      env.emulator.setFaults([]);
    }
  });

  it("refuses a caller past its cost per minute, saying when to come back, and no one else", async () => {
    const heavy = `{ contracts(first: 100) { nodes { id name } } }`; // cost 1 + 100 × 3 = 301
    const carl = env.as("carl");
    const answers = [];
    for (let index = 0; index < 6; index += 1)
      answers.push(await env.gateway.query(heavy, { headers: carl }));
    expect(answers.slice(0, 4).map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(answers[5]?.status).toBe(429);
    expect(answers[5]?.body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    expect(Number(answers[5]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await env.gateway.query(heavy, { headers: env.as("alice") })).status).toBe(200);
  });
});
