import { type DocumentNode, type GraphQLSchema, Kind, type OperationDefinitionNode, parse } from "graphql";
import { type Fairness, isRefusal } from "../concurrency/fairness.js";
import type { GatewayLimits } from "../config/config.js";
import type { ErrorDetails } from "../errors.js";
import { countFieldComparisons } from "./field-comparisons.js";
import { type Measurement, measureOperation, type OperationLimits } from "./measure-operation.js";

/** The parts of a GraphQL request over HTTP that the guard reads. */
export interface GraphQLParams {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/** Why a request is refused before it reaches GraphQL, as an HTTP answer. */
export interface GuardRefusal {
  readonly status: 400 | 429;
  readonly code: "QUERY_TOO_COMPLEX" | "RATE_LIMITED";
  readonly message: string;
  readonly details: ErrorDetails;
  readonly retryAfter?: number;
}

/** What {@link createOperationGuard} needs. */
export interface OperationGuardOptions {
  readonly schema: GraphQLSchema;
  readonly limits: Pick<
    GatewayLimits,
    | "maxQueryDepth"
    | "maxQueryCost"
    | "maxQueryAliases"
    | "maxQueryDirectives"
    | "maxQueryTokens"
    | "maxPageSize"
    | "maxLogScan"
  >;
  readonly fairness: Fairness;
}

const ADVICE: Readonly<Record<string, string>> = {
  depth: "Split it or ask for fewer nested fields.",
  cost: "Ask for smaller pages (first), fewer fields, or fewer scans and diagnoses in one request.",
  aliases: "Send fewer aliased fields, or several requests.",
  directives: "Send fewer directives.",
  comparisons: "Repeat a field or spread fragments fewer times in one selection set.",
};

type Passed = Omit<Extract<Measurement, { within: false }>, "limit"> & { readonly limit: string };

const tooComplex = (measured: Passed): GuardRefusal => ({
  status: 400,
  code: "QUERY_TOO_COMPLEX",
  message: `The query's ${measured.limit} is at least ${measured.atLeast}; the limit is ${measured.max}. ${ADVICE[measured.limit]}`,
  details: { limit: measured.limit, atLeast: measured.atLeast, max: measured.max },
});

// graphql-js 16 spells it "more that N tokens".
/**
 * Most field and fragment pairs validation may compare (see `countFieldComparisons`). Hand-written and generated
 * queries compare a few dozen; 2,000 keep validation within milliseconds.
 */
export const MAX_FIELD_COMPARISONS = 2_000;

const TOKEN_LIMIT = /Document contains more th(?:an|at) \d+ tokens/;

/** Parses `query`, stopping after `maxTokens`; a syntax error gives `undefined` and is left to Apollo to report. */
const parseWithin = (query: string, maxTokens: number): DocumentNode | GuardRefusal | undefined => {
  try {
    return parse(query, { maxTokens, noLocation: true });
  } catch (error) {
    if (!(error instanceof Error && TOKEN_LIMIT.test(error.message))) return undefined;
    return {
      status: 400,
      code: "QUERY_TOO_COMPLEX",
      message: `The document has more than ${maxTokens} tokens, the limit. Send a shorter query.`,
      details: { limit: "tokens", max: maxTokens },
    };
  }
};

/** The operations that may run: the one named, or every one when none is (Apollo refuses ambiguity later). */
const operationsOf = (document: DocumentNode, name: unknown): OperationDefinitionNode[] =>
  document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (typeof name !== "string" || name === "" || definition.name?.value === name),
  );

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Checks a request before Apollo parses or validates it, so that neither grows with an attacker's document: tokens
 * are capped while parsing; depth, cost, aliases and directives are measured with each fragment once, stopping at
 * the first limit passed (`QUERY_TOO_COMPLEX`, HTTP 400). Then the operation's cost is charged to the caller's
 * budget for the minute (`RATE_LIMITED`, HTTP 429 with `retryAfter`, once it is spent).
 */
export const createOperationGuard = (options: OperationGuardOptions) => {
  const { limits } = options;
  const operationLimits: OperationLimits = {
    maxDepth: limits.maxQueryDepth,
    maxCost: limits.maxQueryCost,
    maxAliases: limits.maxQueryAliases,
    maxDirectives: limits.maxQueryDirectives,
    maxPage: { first: limits.maxPageSize, limit: limits.maxLogScan },
  };
  return (params: GraphQLParams, caller: string): GuardRefusal | undefined => {
    if (typeof params.query !== "string") return undefined;
    const document = parseWithin(params.query, limits.maxQueryTokens);
    if (document === undefined || !("kind" in document)) return document;
    const comparisons = countFieldComparisons(document);
    if (comparisons > MAX_FIELD_COMPARISONS) {
      return tooComplex({
        within: false,
        limit: "comparisons",
        atLeast: comparisons,
        max: MAX_FIELD_COMPARISONS,
      });
    }
    const variables = isRecord(params.variables) ? params.variables : {};
    let cost = 0;
    for (const operation of operationsOf(document, params.operationName)) {
      const measured = measureOperation(options.schema, document, operation, variables, operationLimits);
      if (!measured.within) return tooComplex(measured);
      cost = Math.max(cost, measured.size.cost);
    }
    const refusal = options.fairness.charge(caller, cost);
    if (!isRefusal(refusal)) return undefined;
    return {
      status: 429,
      code: "RATE_LIMITED",
      message: `Too many requests: ${refusal.reason}. Try again in ${refusal.retryAfterSeconds} s.`,
      details: { retryAfter: refusal.retryAfterSeconds },
      retryAfter: refusal.retryAfterSeconds,
    };
  };
};

/** Checks one GraphQL request over HTTP; see {@link createOperationGuard}. */
export type OperationGuard = ReturnType<typeof createOperationGuard>;
