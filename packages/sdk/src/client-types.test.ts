import { describe, expectTypeOf, it } from "vitest";
import { createFlowdoctorClient } from "./client.js";
import type { FlowdoctorErrorCode } from "./errors.js";
import {
  type Cause,
  type DiagnoseFlowQuery,
  type FlowQuery,
  type FlowStatus,
  type FlowsQuery,
  TypedDocumentString,
} from "./generated/index.js";
import type { FlowdoctorResult } from "./graphql/read-response.js";

// These checks run in `tsc` (pnpm typecheck); the calls below are never awaited against a server.
describe("the SDK's types", () => {
  const client = createFlowdoctorClient({ url: "http://127.0.0.1:9/graphql" });

  it("methods resolve to their top-level field, never null", () => {
    expectTypeOf(client.flow).returns.resolves.toEqualTypeOf<
      FlowdoctorResult<NonNullable<FlowQuery["flow"]>>
    >();
    expectTypeOf<Awaited<ReturnType<typeof client.diagnoseFlow>>["data"]>().toEqualTypeOf<
      NonNullable<DiagnoseFlowQuery["diagnoseFlow"]>
    >();
    expectTypeOf<
      Awaited<ReturnType<typeof client.diagnoseFlow>>["data"]["verdict"]["cause"]
    >().toEqualTypeOf<Cause | null>();
    expectTypeOf<
      Awaited<ReturnType<typeof client.flows>>["data"]["nodes"][number]["status"]
    >().toEqualTypeOf<FlowStatus>();
  });

  it("variables are required exactly when the operation needs them", () => {
    expectTypeOf(client.me).toBeCallableWith();
    expectTypeOf(client.contracts).toBeCallableWith();
    expectTypeOf(client.contracts).toBeCallableWith({ first: 5 });
    expectTypeOf(client.flow).toBeCallableWith({ id: "f1" }, { timeoutMs: 1000 });
    // @ts-expect-error flow needs its id
    expectTypeOf(client.flow).toBeCallableWith();
    // @ts-expect-error flows needs a workspaceId
    expectTypeOf(client.flows).toBeCallableWith({ first: 5 });
    // @ts-expect-error the filter's status is an enum
    expectTypeOf(client.flows).toBeCallableWith({ workspaceId: "w", filter: { status: "RUNNING" } });
  });

  it("mutations take their inputs typed, enums as string unions", () => {
    expectTypeOf(client.submitTicket).toBeCallableWith({ id: "t", idempotencyKey: "k" });
    // @ts-expect-error submitting needs an idempotency key
    expectTypeOf(client.submitTicket).toBeCallableWith({ id: "t" });
    expectTypeOf(client.createTicketDraft).toBeCallableWith({ input: { title: "x", priority: "HIGH" } });
    // @ts-expect-error priorities are an enum
    expectTypeOf(client.createTicketDraft).toBeCallableWith({ input: { priority: "P1" } });
    expectTypeOf<Awaited<ReturnType<typeof client.submitTicket>>["data"]["status"]>().toEqualTypeOf<
      "CANCELLED" | "DRAFT" | "SUBMITTED"
    >();
  });

  it("walkers yield the connection's nodes and take no cursor", () => {
    expectTypeOf(client.allFlows).returns.toEqualTypeOf<
      AsyncGenerator<NonNullable<FlowsQuery["flows"]>["nodes"][number], void, undefined>
    >();
    expectTypeOf(client.allFlows).toBeCallableWith({ workspaceId: "w", first: 10 });
    // Never called: only compiled.
    const withCursor = () =>
      // @ts-expect-error walkers manage the cursor themselves
      client.allFlows({ workspaceId: "w", after: "c" });
    expectTypeOf(withCursor).returns.toEqualTypeOf<ReturnType<typeof client.allFlows>>();
  });

  it("request infers data and variables from the document", () => {
    const document = new TypedDocumentString<{ flow: { name: string } | null }, { id: string }>(
      "query N($id: ID!) { flow(id: $id) { name } }",
    );
    // Never called: a call would send to a closed port and reject unhandled.
    const call = () => client.request(document, { id: "f" });
    expectTypeOf(call).returns.resolves.toEqualTypeOf<FlowdoctorResult<{ flow: { name: string } | null }>>();
    // Never called: only compiled.
    const missingId = () =>
      // @ts-expect-error the document needs its id
      client.request(document, {});
    expectTypeOf(missingId).returns.toEqualTypeOf<
      Promise<FlowdoctorResult<{ flow: { name: string } | null }>>
    >();
  });

  it("error codes are a closed union", () => {
    expectTypeOf<"UNAUTHENTICATED">().toExtend<FlowdoctorErrorCode>();
    expectTypeOf<"TIMEOUT">().toExtend<FlowdoctorErrorCode>();
    expectTypeOf<"SOMETHING_ELSE">().not.toExtend<FlowdoctorErrorCode>();
  });
});
