import { ApolloClient, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { Client, fetchExchange } from "@urql/core";
import { cacheExchange, type KeyingConfig } from "@urql/exchange-graphcache";
import { ClientError, GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";

interface FlowAnswer {
  flow: { id: string; name: string; steps: { id: string; stepId: string; name: string }[] };
}

const FLOW = `query Flow($id: ID!) { flow(id: $id) { id name steps { id stepId name } } }`;

/** The README's errorGroups example, with the group's key and the page's value objects selected. */
const GROUPS = `query Groups($ws: ID!) { errorGroups(workspaceId: $ws, first: 3) {
  totalCount pageInfo { hasNextPage endCursor } scan { scanned limitReached }
  nodes { fingerprint count stepId flow { id name } classification { cause level } sample { id message } } } }`;
// As the README recommends.
const README_KEYS: KeyingConfig = {
  ErrorGroup: (group) => (group.fingerprint as string) ?? null,
  Classification: () => null,
  PageInfo: () => null,
  ScanInfo: () => null,
};

/** Issue 15: GraphQL clients nobody here wrote, as users run them, against the gateway over the emulator. */
describe("real GraphQL clients against the running gateway", () => {
  let env: EmulatorGateway;
  let headers: Record<string, string>;
  /** Two of alice's flows whose steps share ids but not names: the case a per-flow `id` mixed up. */
  let flows: { id: string; stepNames: string[] }[];
  beforeAll(async () => {
    env = await startEmulatorGateway();
    headers = env.as("alice");
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    const stepNamesOf = (nodes: readonly Readonly<Record<string, unknown>>[]) =>
      nodes.map((node) => String(node.name));
    const own = env.emulator.scenario.flows
      .filter((flow) => flow.userId === alice?.id && flow.graph.nodes.length > 1)
      .map((flow) => ({ id: flow.id, stepNames: stepNamesOf(flow.graph.nodes) }));
    const first = own[0];
    const second = own.find((flow) => flow.stepNames.join() !== first?.stepNames.join());
    flows = [first, second].filter((flow) => flow !== undefined);
  }, 60_000);
  afterAll(async () => {
    await env.close();
  });

  const namesOf = (answer: FlowAnswer | undefined | null) =>
    answer?.flow.steps.map((step) => step.name).sort();

  it("@apollo/client: InMemoryCache keeps each flow's steps apart", async () => {
    expect(flows).toHaveLength(2);
    const client = new ApolloClient({
      link: new HttpLink({ uri: env.gateway.graphqlUrl, headers }),
      // As the README recommends.
      cache: new InMemoryCache({ typePolicies: { ErrorGroup: { keyFields: ["fingerprint"] } } }),
    });
    const query = gql(FLOW);
    for (const flow of flows) {
      const { data } = await client.query<FlowAnswer>({ query, variables: { id: flow.id } });
      expect(namesOf(data)).toEqual([...flow.stepNames].sort());
    }
    for (const flow of flows) {
      const cached = client.readQuery<FlowAnswer>({ query, variables: { id: flow.id } });
      expect(namesOf(cached)).toEqual([...flow.stepNames].sort());
    }
  });

  it("@urql/core: GET-first, as the README says to call (apollo-require-preflight), and POST", async () => {
    const query = `query Me { me { email } }`;
    const url = env.gateway.graphqlUrl;
    const getFirst = new Client({
      url,
      exchanges: [fetchExchange],
      fetchOptions: { headers: { ...headers, "apollo-require-preflight": "true" } },
    });
    const viaGet = await getFirst.query(query, {}).toPromise();
    expect(viaGet.error).toBeUndefined();
    expect(viaGet.data).toEqual({ me: { email: expect.stringMatching(/^alice@/) } });
    const post = new Client({
      url,
      exchanges: [fetchExchange],
      preferGetMethod: false,
      fetchOptions: { headers },
    });
    expect((await post.query(query, {}).toPromise()).data).toEqual(viaGet.data);
    const methods = env.gateway
      .logLines()
      .filter((line) => line.msg === "request" && line.path === "/graphql")
      .map((line) => line.method);
    expect(methods.slice(-2)).toEqual(["GET", "POST"]);
    // Without the header Apollo's CSRF prevention refuses urql's GET, which is why the README names it.
    const bare = new Client({ url, exchanges: [fetchExchange], fetchOptions: { headers } });
    expect((await bare.query(query, {}).toPromise()).error?.message).toContain("apollo-require-preflight");
  });

  const graphcacheClient = (keys: KeyingConfig) =>
    new Client({
      url: env.gateway.graphqlUrl,
      exchanges: [cacheExchange({ keys }), fetchExchange],
      preferGetMethod: false,
      fetchOptions: { headers },
    });

  it("@urql/exchange-graphcache: the README's keys normalise groups by fingerprint, silently, and keep flows apart", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const client = graphcacheClient(README_KEYS);
      const ws = "09d652221e2f6713ca2e10da"; // the README's demo workspace
      const posts = () => env.gateway.logLines().filter((line) => line.msg === "request").length;
      const first = await client.query(GROUPS, { ws }).toPromise();
      expect(first.error).toBeUndefined();
      expect(first.data.errorGroups.nodes.length).toBeGreaterThan(0);
      const before = posts();
      const again = await client.query(GROUPS, { ws }).toPromise();
      expect(posts()).toBe(before); // answered from the normalised cache
      expect(again.data).toEqual(first.data);
      for (const flow of flows) {
        const { data } = await client.query<FlowAnswer>(FLOW, { id: flow.id }).toPromise();
        expect(namesOf(data)).toEqual([...flow.stepNames].sort());
      }
      for (const flow of flows) {
        const cached = await client
          .query<FlowAnswer>(FLOW, { id: flow.id }, { requestPolicy: "cache-only" })
          .toPromise();
        expect(namesOf(cached.data)).toEqual([...flow.stepNames].sort());
      }
      expect(warn).not.toHaveBeenCalled();

      // Why the README names value types: one left out is warned about.
      const { Classification: _named, ...oneLeftOut } = README_KEYS;
      await graphcacheClient(oneLeftOut).query(GROUPS, { ws }).toPromise();
      const warnings = warn.mock.calls.map((call) => String(call[0]));
      expect(warnings.length).toBeGreaterThan(0);
      for (const warning of warnings)
        expect(warning).toMatch(/\.classification` has a selection set, but no key/);
      // ...and the warning names the group by its key, the fingerprint.
      const fingerprints = first.data.errorGroups.nodes.map(
        (group: { fingerprint: string }) => group.fingerprint,
      );
      expect(warnings.join()).toContain(`ErrorGroup:${fingerprints[0]}.classification`);
    } finally {
      warn.mockRestore();
    }
  });

  it("graphql-request: data, and errors with their stable codes", async () => {
    const client = new GraphQLClient(env.gateway.graphqlUrl, { headers });
    const flow = flows[0];
    const answer = await client.request<FlowAnswer>(FLOW, { id: flow?.id });
    expect(answer.flow.steps.map((step) => step.id)).toEqual(
      answer.flow.steps.map((step) => `${flow?.id}:${step.stepId}`),
    );
    const failure = await client
      .request(FLOW, { id: "000000000000000000000000" })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClientError);
    expect((failure as ClientError).response.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
