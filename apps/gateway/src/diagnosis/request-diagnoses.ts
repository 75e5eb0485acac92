import { type Diagnosis, diagnoseFlow } from "@flowdoctor/core";
import type { GatewayContext } from "../context.js";
import { GatewayGraphQLError } from "../errors.js";
import { createDiagnosisPort } from "./create-diagnosis-port.js";
import { createEndpointProber } from "./probe-endpoint.js";

const DAY_MS = 86_400_000;

/** What one diagnosis asks for. */
export interface DiagnosisRequest {
  readonly flowId: string;
  /** Start of the window; a day before the request's start when absent. */
  readonly since?: Date | null | undefined;
  readonly verifyCredentials?: boolean;
  readonly probeEndpoints?: boolean;
}

/** The diagnoses of one GraphQL request. */
export interface RequestDiagnoses {
  /** Diagnoses one flow: the same flow and options asked twice in one request are diagnosed once. */
  diagnose(request: DiagnosisRequest): Promise<Diagnosis>;
  /** The request's diagnosis port and the end of its windows, for diagnosing a whole workspace in one scan slot. */
  shared(): Promise<SharedDiagnosisPort>;
}

/** The port every diagnosis of a request reads through, and the end of their windows. */
export type SharedDiagnosisPort = ReturnType<typeof createDiagnosisPort> & { readonly now: string };

/** The window a diagnosis reads: from `since` (a day before `now` by default) to `now`. */
export const diagnosisWindow = (
  since: Date | null | undefined,
  now: string,
): { since: string; now: string } => {
  const start = since ? since.toISOString() : new Date(Date.parse(now) - DAY_MS).toISOString();
  if (Date.parse(start) >= Date.parse(now)) {
    throw new GatewayGraphQLError("BAD_USER_INPUT", "since must be a date-time in the past", {
      details: { argument: "since" },
    });
  }
  return { since: start, now };
};

const byRequest = new WeakMap<GatewayContext, RequestDiagnoses>();

const createRequestDiagnoses = (context: GatewayContext): RequestDiagnoses => {
  // One port and one window end for the whole request, so aliased diagnoses share every log window and entity.
  const now = new Date().toISOString();
  let port: Promise<SharedDiagnosisPort> | undefined;
  const shared = () => {
    port ??= context.session().then((session) => ({
      ...createDiagnosisPort(session, {
        probe: createEndpointProber({ allowPrivateNetworks: context.limits.probePrivateNetworks }),
      }),
      now,
    }));
    return port;
  };
  const done = new Map<string, Promise<Diagnosis>>();
  return {
    shared,
    diagnose(request) {
      const window = diagnosisWindow(request.since, now);
      const verifyCredentials = request.verifyCredentials ?? false;
      const probeEndpoints = request.probeEndpoints ?? false;
      const key = JSON.stringify([request.flowId, window.since, verifyCredentials, probeEndpoints]);
      let diagnosis = done.get(key);
      if (!diagnosis) {
        // A diagnosis reads a log window like a scan does, so it waits for a scan slot like one.
        diagnosis = shared().then(({ port }) =>
          context.scanSlots.run(() =>
            diagnoseFlow(port, { flowId: request.flowId, ...window, verifyCredentials, probeEndpoints }),
          ),
        );
        done.set(key, diagnosis);
      }
      return diagnosis;
    },
  };
};

/** The request's diagnoses, created on first use. */
export const diagnosesOf = (context: GatewayContext): RequestDiagnoses => {
  let diagnoses = byRequest.get(context);
  if (!diagnoses) {
    diagnoses = createRequestDiagnoses(context);
    byRequest.set(context, diagnoses);
  }
  return diagnoses;
};
