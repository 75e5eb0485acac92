import { ERROR_CODES } from "../../error-codes.js";
import { CONSOLE_OPERATIONS, type ConsoleOperationName } from "../console-operations.js";

/** One GraphQL error as the gateway sends it. */
export interface GraphQLErrorShape {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

/** An answer: whatever data came back (possibly partial) beside every error. */
export interface GraphQLAnswer<T> {
  readonly data: T | null;
  readonly errors: readonly GraphQLErrorShape[];
}

/** An operation as a view ran it, so it can be shown and opened in GraphiQL. */
export interface RanOperation {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
}

/** Codes the console itself gives when no GraphQL answer arrived. */
const TRANSPORT_CODES: Readonly<Record<string, string>> = {
  NETWORK: "The gateway could not be reached; check that it still runs.",
  BAD_RESPONSE: "The gateway answered something that is not GraphQL.",
};

/** POSTs one operation to the gateway on the same origin; transport failures become errors, never throws. */
export const runGraphQL = async <T>(
  query: string,
  variables: Readonly<Record<string, unknown>>,
  authorization: string | undefined,
): Promise<GraphQLAnswer<T>> => {
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (authorization) headers.authorization = authorization;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    return {
      data: null,
      errors: [{ message: "The request did not reach the gateway", extensions: { code: "NETWORK" } }],
    };
  }
  try {
    const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
    return { data: body.data ?? null, errors: body.errors ?? [] };
  } catch {
    const message = `The gateway answered HTTP ${response.status} without a GraphQL body`;
    return { data: null, errors: [{ message, extensions: { code: "BAD_RESPONSE" } }] };
  }
};

/** Runs one of the console's operations by name. */
export const runOperation = <T>(
  name: ConsoleOperationName,
  variables: Readonly<Record<string, unknown>>,
  authorization: string | undefined,
): Promise<GraphQLAnswer<T>> => runGraphQL<T>(CONSOLE_OPERATIONS[name], variables, authorization);

/** An error told as a person would read it. */
export interface ErrorSentence {
  /** The gateway's message, ending with a full stop. */
  readonly sentence: string;
  /** The stable code to search for or branch on. */
  readonly code: string;
  /** What the code means in general. */
  readonly meaning: string;
  /** Which part of the answer it left empty, e.g. `workspaces.nodes.0.errorGroups`; empty for the whole request. */
  readonly where: string;
}

/** Turns a GraphQL error into a sentence with its code and what it means. */
export const toSentence = (error: GraphQLErrorShape): ErrorSentence => {
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL";
  const known = Object.hasOwn(ERROR_CODES, code)
    ? ERROR_CODES[code as keyof typeof ERROR_CODES].description
    : TRANSPORT_CODES[code];
  const message = error.message.trim();
  return {
    sentence: /[.!?]$/.test(message) ? message : `${message}.`,
    code,
    meaning: known ?? "The gateway gave no description for this code.",
    where: (error.path ?? []).join("."),
  };
};
