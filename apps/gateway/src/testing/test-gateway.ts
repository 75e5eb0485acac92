import { Writable } from "node:stream";
import { loadConfig } from "../config/config.js";
import { type Gateway, type StartGatewayOptions, startGateway } from "../http/start-gateway.js";
import { createLogger } from "../observability/logger.js";

/** A gateway on a free port of 127.0.0.1, with its log lines kept in memory. */
export interface TestGateway extends Gateway {
  /** Every JSON log line written so far, parsed. */
  readonly logLines: () => Record<string, unknown>[];
  /** The raw log text written so far. */
  readonly logText: () => string;
  /** POSTs a GraphQL operation as JSON and returns status, headers and parsed body. */
  readonly query: (
    query: string,
    options?: { variables?: Record<string, unknown>; headers?: Record<string, string> },
  ) => Promise<{ status: number; headers: Headers; body: GraphQLBody }>;
}

/** The shape of a GraphQL response body, loosely typed for assertions. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Starts a gateway for a test; `env` adds or overrides environment variables. */
export const startTestGateway = async (
  env: Record<string, string> = {},
  extra: Partial<Omit<StartGatewayOptions, "config" | "logger">> = {},
): Promise<TestGateway> => {
  let text = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "debug", ...env });
  const gateway = await startGateway({
    config,
    logger: createLogger({ level: "debug", destination: sink }),
    ...extra,
  });
  const query: TestGateway["query"] = async (document, options = {}) => {
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: JSON.stringify({ query: document, variables: options.variables ?? {} }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphQLBody,
    };
  };
  const logLines = () =>
    text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...gateway, close: gateway.close, logLines, logText: () => text, query };
};

/** A top-level field of a response's data, or a thrown error listing the response's errors. */
export const dataOf = <TValue>(body: GraphQLBody, field: string): TValue => {
  const value = body.data?.[field];
  if (value === undefined || value === null) {
    throw new Error(`no data.${field}; errors: ${JSON.stringify(body.errors ?? [])}`);
  }
  return value as TValue;
};
