import type { DemoStep } from "./demo-spec.js";

/** Reusable demo steps with realistic info lines. */
export const timerStep = (): DemoStep => ({
  id: "step_1",
  component: "timer",
  fn: "timer",
  name: "Timer",
  info: ["Timer tick: emitting message to start the flow"],
});

/** A webhook trigger receiving POSTs on a path. */
export const webhookStep = (path: string): DemoStep => ({
  id: "step_1",
  component: "webhook",
  fn: "receive",
  name: "Webhook",
  info: [`Received POST ${path} (content-type application/json), replying 200 with requestId {id}`],
});

/** A REST API call of a demo flow. */
export interface RestCall {
  readonly id: string;
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly credential?: string;
}

/** A REST API V2 call. */
export const restStep = ({ id, name, method, url, credential }: RestCall): DemoStep => ({
  id,
  component: "rest",
  fn: "httpRequestAction",
  name,
  info: [
    `Will send request to ${method} ${url}`,
    "Response status 200 received after {ms} ms, content-type application/json",
  ],
  fields: { method, url, errorPolicy: "retryByComponent" },
  ...(credential === undefined ? {} : { credential }),
});

/** A PostgreSQL query step. */
export const postgresStep = (id: string, name: string, sql: string): DemoStep => ({
  id,
  component: "postgresql",
  fn: sql.startsWith("SELECT") ? "selectQuery" : "upsert",
  name,
  info: [`Executing query: ${sql}`, "Query finished in {ms} ms, {n} rows affected"],
  credential: "postgres",
});

/** An e-mail sending step. */
export const emailStep = (id: string, to: string): DemoStep => ({
  id,
  component: "email",
  fn: "send",
  name: "Send e-mail",
  info: [`Sending e-mail to ${to}`, "E-mail accepted by the mail server, messageId <{id}@mail.elastic.io>"],
});

/** A JSONata transformation step. */
export const jsonataStep = (id: string, name: string): DemoStep => ({
  id,
  component: "jsonata",
  fn: "transform",
  name,
  info: ["Evaluating JSONata expression", "Transformation finished, emitting {n} records"],
});
