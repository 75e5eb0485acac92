import { createOutboxWorker } from "@flowdoctor/tickets";
import { submitCompleteTicket, TEST_MESSAGE, testService } from "@flowdoctor/tickets/testing";
import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";
import { startTracing, type Tracing } from "./tracing.js";

const OPERATION = "query WhoAmI { me { id } tickets(first: 1) { totalCount } }";
const CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

const requestLog = (env: EmulatorGateway) =>
  env.gateway.logLines().filter((line) => line.msg === "request" && line.path === "/graphql");

describe("tracing, off by default", () => {
  let env: EmulatorGateway;
  beforeAll(async () => {
    env = await startEmulatorGateway();
  });
  afterAll(async () => {
    await env.close();
  });

  it("sends no traceparent and logs no trace id", async () => {
    const { body } = await env.gateway.query(OPERATION, { headers: env.as("alice") });
    expect(body.errors).toBeUndefined();
    expect(env.emulator.requests.length).toBeGreaterThan(0);
    expect(env.emulator.requests.every((request) => request.traceparent === undefined)).toBe(true);
    expect(env.gateway.logLines().some((line) => "traceId" in line)).toBe(false);
  });
});

describe("tracing with an exporter", () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  let env: EmulatorGateway;
  beforeAll(async () => {
    tracing = startTracing({ exporters: [], serviceName: "test" }, [new SimpleSpanProcessor(exporter)]);
    // Its own worker is off: the delivery test runs one on the gateway's store.
    env = await startEmulatorGateway({ TICKET_WORKER: "off" });
  });
  afterAll(async () => {
    await env.close();
    await tracing?.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => {
    exporter.reset();
    env.emulator.resetRequests();
  });

  const childrenOf = (parent: ReadableSpan) =>
    exporter
      .getFinishedSpans()
      .filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

  it("gives one operation a server span named after it, with its platform calls and statements as children", async () => {
    const traceparent = `00-${CALLER_TRACE}-00f067aa0ba902b7-01`;
    const { body } = await env.gateway.query(OPERATION, { headers: { ...env.as("alice"), traceparent } });
    expect(body.errors).toBeUndefined();
    const [server, ...others] = exporter.getFinishedSpans().filter((span) => span.kind === SpanKind.SERVER);
    expect(others).toHaveLength(0);
    expect(server?.name).toBe("query WhoAmI");
    expect(server?.spanContext().traceId).toBe(CALLER_TRACE);
    expect(server?.attributes).toMatchObject({
      "graphql.operation.type": "query",
      "graphql.operation.name": "WhoAmI",
    });
    const children = childrenOf(server as ReadableSpan);
    const me = children.find((span) => span.name === "GET /v2/users/me");
    expect(me?.kind).toBe(SpanKind.CLIENT);
    expect(me?.attributes).toMatchObject({
      "http.request.method": "GET",
      "url.template": "/v2/users/me",
      "http.response.status_code": 200,
    });
    const statements = children.filter((span) => span.attributes["db.system.name"] === "postgresql");
    expect(statements.map((span) => span.name)).toContain("select");
    const sent = env.emulator.requests.find((request) => request.path === "/v2/users/me");
    expect(sent?.traceparent).toBe(`00-${CALLER_TRACE}-${me?.spanContext().spanId}-01`);
    expect(requestLog(env).at(-1)?.traceId).toBe(CALLER_TRACE);
  });

  it("names platform spans by route template and marks failed calls", async () => {
    await env.gateway.query('query One { flow(id: "5f0000000000000000000abc") { name } }', {
      headers: env.as("alice"),
    });
    const flow = exporter.getFinishedSpans().find((span) => span.name === "GET /v2/flows/{id}");
    expect(flow?.attributes).toMatchObject({
      "url.template": "/v2/flows/{id}",
      "http.response.status_code": 404,
    });
    expect(flow?.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("gives each delivery attempt a span with its outcome", async () => {
    const { db } = env.gateway.tickets.database;
    await submitCompleteTicket(testService(db, "webhook"), "trace-1");
    const channel = {
      name: "webhook" as const,
      target: "https://helpdesk.example",
      deliver: async () => {
        throw new Error("the webhook answered HTTP 503");
      },
      close: async () => undefined,
    };
    await createOutboxWorker({ db, channel, message: TEST_MESSAGE }).drain();
    const [delivery] = exporter.getFinishedSpans().filter((span) => span.name === "ticket.deliver webhook");
    expect(delivery?.attributes).toMatchObject({
      "flowdoctor.delivery.channel": "webhook",
      "flowdoctor.delivery.attempt": 1,
    });
    expect(delivery?.status).toMatchObject({
      code: SpanStatusCode.ERROR,
      message: "the webhook answered HTTP 503",
    });
    expect(
      childrenOf(delivery as ReadableSpan).some((span) => span.attributes["db.system.name"] === "postgresql"),
    ).toBe(true);
  });
});
