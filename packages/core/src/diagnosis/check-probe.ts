import type { Flow, FlowNode } from "../model/platform.js";
import type { ClassifiedGroup } from "./classified-groups.js";
import type { Finding } from "./diagnosis.js";
import type { EndpointProbe } from "./diagnosis-port.js";
import { evidence, makeFinding } from "./make-finding.js";

const DOWNTIME_CAUSES = new Set(["SYSTEM_DOWNTIME", "RATE_LIMITED"]);
const URL_VALUE = /^https?:\/\/\S+$/i;

/** The first http(s) URL in a step's configuration (`fields`), looking one level into nested objects. */
export const endpointOfStep = (node: FlowNode): string | undefined => {
  const values = Object.values(node.fields ?? {});
  const nested = values.flatMap((value) =>
    typeof value === "object" && value !== null ? Object.values(value) : [],
  );
  return [...values, ...nested].find(
    (value): value is string => typeof value === "string" && URL_VALUE.test(value),
  );
};

const probeFinding = (stepId: string, url: string, probe: EndpointProbe): Finding => {
  const base = { check: "downtime" as const, cause: "SYSTEM_DOWNTIME" as const, stepId };
  if ("refused" in probe) {
    return makeFinding({
      ...base,
      status: "SKIPPED",
      title: "Endpoint not probed",
      detail: `${url} was not probed: ${probe.reason}`,
      confidence: 0,
      remedy: "",
    });
  }
  if (!probe.reachable) {
    return makeFinding({
      ...base,
      status: "FAIL",
      title: "The external system does not answer now",
      detail: `${url} did not answer: ${probe.reason}`,
      confidence: 0.9,
      evidence: [evidence("probe", "probe", probe.reason)],
    });
  }
  const failing = probe.status >= 500;
  return makeFinding({
    ...base,
    status: failing ? "FAIL" : "PASS",
    title: failing ? "The external system answers with a server error" : "The external system answers now",
    detail: `${url} answered ${probe.status} in ${Math.round(probe.latencyMs)} ms.`,
    confidence: failing ? 0.85 : 1,
    evidence: [evidence("probeStatus", "probe", probe.status)],
    ...(failing ? {} : { remedy: "If the errors stopped, retry the failed messages." }),
  });
};

/** Probes the endpoint of each step whose errors say the external system is down or throttling. */
export const probeFindings = async (
  flow: Flow,
  groups: readonly ClassifiedGroup[],
  probe: (url: string) => Promise<EndpointProbe>,
): Promise<Finding[]> => {
  const stepIds = new Set(
    groups.filter((item) => DOWNTIME_CAUSES.has(item.classification.cause)).map((item) => item.group.stepId),
  );
  const targets = flow.graph.nodes
    .filter((node) => stepIds.has(node.id))
    .map((node) => ({ stepId: node.id, url: endpointOfStep(node) }))
    .filter((target): target is { stepId: string; url: string } => target.url !== undefined);
  return Promise.all(targets.map(async ({ stepId, url }) => probeFinding(stepId, url, await probe(url))));
};
