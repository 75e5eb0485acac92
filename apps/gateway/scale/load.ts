// The load: several demo users of two tenants read error groups, diagnoses and logs and submit tickets through the
// load balancer, as a client would: each ticket is drafted, completed and submitted with an idempotency key, and a
// submission that failed is repeated with the same key.
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

/** One request as the client saw it. */
export interface Sample {
  readonly operation: string;
  /** HTTP status; 0 when no answer came (connection refused or reset, timeout). */
  readonly status: number;
  /** `extensions.code` of each GraphQL error in the answer. */
  readonly codes: readonly string[];
  /** The answer was not GraphQL JSON (the load balancer's own error page, or none). */
  readonly fromBalancer: boolean;
  /** The first GraphQL error's message, shortened. */
  readonly message: string | undefined;
  readonly startedAt: number;
  readonly endedAt: number;
}

/** A ticket this run tried to submit. */
export interface TicketAttempt {
  readonly user: string;
  readonly idempotencyKey: string;
  ticketId?: string;
  /** The answer said SUBMITTED. */
  accepted: boolean;
  /** Why the submission failed in the end: the first GraphQL error of the last answer, or "no answer". */
  lastError?: string;
}

export interface LoadUser {
  readonly name: string;
  readonly authorization: string;
  readonly workspaceIds: readonly string[];
  readonly flowIds: readonly string[];
}

interface GraphqlAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly { message?: string; extensions?: { code?: string; retryable?: boolean } }[];
}

export const createLoadClient = (url: string, samples: Sample[]) => {
  const graphql = async (
    operation: string,
    user: Pick<LoadUser, "authorization">,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlAnswer | undefined> => {
    const startedAt = performance.now();
    let status = 0;
    let body: GraphqlAnswer | undefined;
    try {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: user.authorization },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      body = (await response.json().catch(() => undefined)) as GraphqlAnswer | undefined;
    } catch {
      status = 0;
    }
    const codes = (body?.errors ?? []).map((error) => error.extensions?.code ?? "NO_CODE");
    samples.push({
      operation,
      status,
      codes,
      fromBalancer: body === undefined,
      message: body?.errors?.[0]?.message?.slice(0, 160),
      startedAt,
      endedAt: performance.now(),
    });
    // A client pauses after a server error instead of spinning on a balancer that has no replica to offer.
    if (status === 0 || status >= 500) await sleep(250);
    return body;
  };
  return { graphql };
};

type LoadClient = ReturnType<typeof createLoadClient>;

const pick = <TItem>(items: readonly TItem[]): TItem =>
  items[Math.floor(Math.random() * items.length)] as TItem;

const readErrorGroups = (client: LoadClient, user: LoadUser) =>
  client.graphql(
    "errorGroups",
    user,
    `query G($ws: ID!) { errorGroups(workspaceId: $ws, first: 20) { totalCount nodes { fingerprint count classification { cause } } } }`,
    { ws: pick(user.workspaceIds) },
  );

const readDiagnosis = (client: LoadClient, user: LoadUser) =>
  client.graphql(
    "diagnoseFlow",
    user,
    `query D($flow: ID!) { diagnoseFlow(flowId: $flow, options: { verifyCredentials: false, probeEndpoints: false }) { verdict { status cause } } }`,
    { flow: pick(user.flowIds) },
  );

const readLogs = (client: LoadClient, user: LoadUser) =>
  client.graphql(
    "logs",
    user,
    `query L($ws: ID!) { logs(workspaceId: $ws, first: 20) { nodes { id level message } } }`,
    { ws: pick(user.workspaceIds) },
  );

/**
 * Repeats `step` while it fails in a way worth repeating (no answer, or every error `retryable`), at most `tries`
 * times; answers the last answer.
 */
const withRetries = async (
  tries: number,
  step: () => Promise<GraphqlAnswer | undefined>,
): Promise<GraphqlAnswer | undefined> => {
  let answer: GraphqlAnswer | undefined;
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    answer = await step();
    if (answer?.data && !answer.errors?.length) return answer;
    const retryable =
      answer === undefined || (answer.errors ?? []).every((error) => error.extensions?.retryable);
    if (!retryable) return answer;
    await sleep(Math.min(4000, 250 * 2 ** attempt));
  }
  return answer;
};

/** Drafts a ticket from a diagnosis, answers what is missing, and submits it with an idempotency key. */
const submitTicket = async (client: LoadClient, user: LoadUser, tickets: TicketAttempt[]) => {
  const draft = await client.graphql(
    "createTicketFromDiagnosis",
    user,
    `mutation C($flow: ID!) { createTicketFromDiagnosis(flowId: $flow) { ticket { id } missing { field } } }`,
    { flow: pick(user.flowIds) },
  );
  const created = draft?.data?.createTicketFromDiagnosis as
    | { ticket?: { id?: string }; missing?: { field: string }[] }
    | undefined;
  const id = created?.ticket?.id;
  // A draft that needs more than "is it a blocker?" (e.g. a healthy flow's, with no error) is left a draft.
  if (id === undefined || created?.missing?.some((missing) => missing.field !== "isBlocker")) return;
  const updated = await withRetries(4, () =>
    client.graphql(
      "updateTicket",
      user,
      `mutation U($id: ID!) { updateTicket(id: $id, input: { isBlocker: false }) { missing { field } } }`,
      { id },
    ),
  );
  if (!updated?.data?.updateTicket || updated.errors?.length) return;
  const attempt: TicketAttempt = {
    user: user.name,
    idempotencyKey: `scale-${randomUUID()}`,
    ticketId: id,
    accepted: false,
  };
  tickets.push(attempt);
  const submitted = await withRetries(10, () =>
    client.graphql(
      "submitTicket",
      user,
      `mutation S($id: ID!, $key: String!) { submitTicket(id: $id, idempotencyKey: $key) { id status } }`,
      { id, key: attempt.idempotencyKey },
    ),
  );
  attempt.accepted =
    (submitted?.data?.submitTicket as { status?: string } | undefined)?.status === "SUBMITTED";
  if (!attempt.accepted) {
    const error = submitted?.errors?.[0];
    attempt.lastError = error ? `${error.extensions?.code}: ${error.message?.slice(0, 110)}` : "no answer";
  }
};

export interface LoadOptions {
  readonly users: readonly LoadUser[];
  readonly concurrency: number;
  readonly durationMs: number;
  readonly maxRequests: number;
}

/** Runs the mix (errorGroups 35 %, logs 30 %, diagnoseFlow 20 %, a ticket 15 %) until time or requests run out. */
export const runLoad = async (client: LoadClient, samples: Sample[], options: LoadOptions) => {
  const tickets: TicketAttempt[] = [];
  const deadline = performance.now() + options.durationMs;
  const worker = async (index: number) => {
    const user = options.users[index % options.users.length] as LoadUser;
    while (performance.now() < deadline && samples.length < options.maxRequests) {
      const roll = Math.random();
      if (roll < 0.35) await readErrorGroups(client, user);
      else if (roll < 0.65) await readLogs(client, user);
      else if (roll < 0.85) await readDiagnosis(client, user);
      else await submitTicket(client, user, tickets);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index)));
  return tickets;
};
