import { isDeepStrictEqual } from "node:util";
import { ApiError, badRequest, notFound } from "../http/api-error.js";
import type { ApiResponse, RequestContext, Route } from "../http/router.js";
import { objectIdFor } from "../scenario/ids.js";
import type { ScenarioUser } from "../scenario/scenario.js";
import { requirePermission, requireWorkspace } from "../server/access.js";
import type { EmulatorState, ExecutionState } from "../server/emulator-state.js";
import { requireComponent, requireVersion } from "./components.js";
import { CONTRACT_SUSPENDED_TEXT } from "./flows.js";

/** The status text of a pending scheduled execution (`docs/elasticio-platform.md` §1.12). */
export const PENDING_STATUS = "Pending request, waiting other process";

interface VerifyRequest {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly workspaceId: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads `{ data: { type: "verify-credential", attributes: { fields }, relationships: { workspace } } }`. */
const parseVerifyRequest = (body: unknown): VerifyRequest => {
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(data)) throw badRequest("Body must be a JSON:API document with a data object", "data");
  if (data.type !== "verify-credential") {
    throw new ApiError(409, 'data.type must be "verify-credential"', { parameter: "data.type" });
  }
  const fields = isObject(data.attributes) ? data.attributes.fields : undefined;
  if (!isObject(fields))
    throw badRequest("data.attributes.fields is required and must be an object", "fields");
  const relationships = isObject(data.relationships) ? data.relationships : {};
  const workspace = isObject(relationships.workspace) ? relationships.workspace.data : undefined;
  const workspaceId = isObject(workspace) ? workspace.id : undefined;
  if (typeof workspaceId !== "string" || workspaceId === "") {
    throw badRequest("data.relationships.workspace.data.id is required", "workspace");
  }
  return { fields, workspaceId };
};

/** What the component answers: the scenario's outcome for a credential with these keys, or verified. */
const outcomeFor = (
  state: EmulatorState,
  componentId: string,
  request: VerifyRequest,
): ExecutionState["result"] => {
  const credential = [...state.credentials.values()].find(
    (candidate) =>
      candidate.componentId === componentId &&
      candidate.workspaceId === request.workspaceId &&
      isDeepStrictEqual(candidate.keys, request.fields),
  );
  const verification = credential?.verification ?? { verified: true };
  return verification.reason === undefined
    ? { verified: verification.verified }
    : { verified: verification.verified, reason: verification.reason };
};

const pendingDocument = (id: string): Record<string, unknown> => ({
  data: {
    id,
    type: "execution-result",
    links: { self: `/v2/exec/result/${id}` },
    attributes: { result: {}, status: PENDING_STATUS },
  },
  meta: {},
});

/** `POST …/verify-credential`: 202 with `Location` to poll; the outcome is ready after the configured polls. */
const verifyCredential = (context: RequestContext): ApiResponse => {
  const { state, user, params } = context;
  const component = requireComponent(state, user, params.componentId ?? "");
  requireVersion(component, params.revision ?? "");
  const request = parseVerifyRequest(context.body);
  const workspace = requireWorkspace(state, user, request.workspaceId);
  requirePermission(workspace, user, "workspaces.credential.edit");
  if (state.contracts.get(workspace.contractId)?.status !== "active")
    throw new ApiError(403, CONTRACT_SUSPENDED_TEXT);
  const id = objectIdFor(`execution:${state.executions.size}:${context.now()}`);
  state.executions.set(id, {
    id,
    workspaceId: workspace.id,
    userId: user.id,
    pollsLeft: state.verificationPolls,
    result: outcomeFor(state, component.id, request),
  });
  return {
    status: 202,
    body: pendingDocument(id),
    headers: { location: `${context.baseUrl}/v2/exec/poll/${id}` },
  };
};

const requireExecution = (state: EmulatorState, user: ScenarioUser, id: string): ExecutionState => {
  const execution = state.executions.get(id);
  if (!execution || execution.userId !== user.id) throw notFound("Execution", id);
  return execution;
};

/** verify-credential and the polling of its execution. */
export const executionRoutes: readonly Route[] = [
  {
    method: "POST",
    pattern: "/components/:componentId/versions/:revision/verify-credential",
    handler: verifyCredential,
  },
  {
    method: "GET",
    pattern: "/exec/poll/:executionId",
    handler: ({ state, user, params }) => {
      const execution = requireExecution(state, user, params.executionId ?? "");
      if (execution.pollsLeft > 0) {
        execution.pollsLeft -= 1;
        return { status: 200, body: pendingDocument(execution.id) };
      }
      return {
        status: 303,
        body: { data: {}, meta: {} },
        headers: { location: `/v2/exec/result/${execution.id}` },
      };
    },
  },
  {
    method: "GET",
    pattern: "/exec/result/:executionId",
    handler: ({ state, user, params }) => {
      const execution = requireExecution(state, user, params.executionId ?? "");
      if (execution.pollsLeft > 0)
        throw new ApiError(409, "The execution result is not ready yet", { parameter: execution.id });
      const data = {
        id: execution.id,
        type: "execution-result",
        links: { self: `/v2/exec/result/${execution.id}` },
        attributes: { result: { status: "success", data: execution.result } },
      };
      return { status: 200, body: { data, meta: {} } };
    },
  },
];
