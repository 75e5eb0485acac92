import type { FlowQueueStats, StepQueueStats } from "@flowdoctor/core";
import { readResource } from "./json-api.js";
import { asArray, asObject, optional, readNumber, readOptionalNumber, readString } from "./read.js";

const decodeStep = (value: unknown, at: string): StepQueueStats => {
  const step = asObject(value, at);
  return {
    stepId: readString(step, "step_id", at),
    total: readNumber(step, "total", at),
    ready: readNumber(step, "ready", at),
    unacked: readNumber(step, "unacked", at),
    rebounds: readOptionalNumber(step, "rebounds", at) ?? 0,
    ...optional("bytes", readOptionalNumber(step, "bytes", at)),
  };
};

/** Decodes the `flow-queue-stats` resource of `GET /v2/stats/queues/{flow}` (a single resource, usually without `meta`). */
export const decodeQueueStats = (value: unknown, at: string): FlowQueueStats => {
  const resource = readResource(value, "flow-queue-stats", at);
  const here = `${resource.at}.attributes.stats`;
  const stats = asArray(resource.attributes.stats ?? [], here);
  return { flowId: resource.id, steps: stats.map((step, index) => decodeStep(step, `${here}[${index}]`)) };
};
