import { hex32For, uuidFor } from "./ids.js";
import { resolveTimeMs } from "./relative-time.js";
import type { ScenarioComponent, ScenarioFlow, ScenarioLogEntry } from "./scenario.js";
import type { ScenarioContainerExitFile, ScenarioLogFile } from "./scenario-file.js";

interface LogContext {
  readonly scenarioName: string;
  readonly nowMs: number;
  readonly flows: ReadonlyMap<string, ScenarioFlow>;
  readonly components: ReadonlyMap<string, ScenarioComponent>;
  /** Exit times per `flowId:stepId`, ascending: each exit starts a new container. */
  readonly exits: ReadonlyMap<string, readonly number[]>;
}

const stepNode = (flow: ScenarioFlow, stepId: string): Readonly<Record<string, unknown>> | undefined =>
  flow.graph.nodes.find((node) => node.id === stepId);

/** The function part of `team/repo:function@version`. */
const functionOf = (command: unknown): string => {
  if (typeof command !== "string") return "execute";
  const afterColon = command.split(":")[1] ?? "execute";
  return afterColon.split("@")[0] ?? "execute";
};

/** The container a step ran in at a time: a new one after every exit. */
const containerIdAt = (context: LogContext, flowId: string, stepId: string, ms: number): string => {
  const exits = context.exits.get(`${flowId}:${stepId}`) ?? [];
  const generation = exits.filter((exitMs) => exitMs < ms).length;
  return uuidFor(`container:${context.scenarioName}:${flowId}:${stepId}:${generation}`);
};

/** One file log entry made complete, as `GET /v2/logs` serves it. */
export const resolveLogEntry = (
  context: LogContext,
  entry: ScenarioLogFile,
  index: number,
): ScenarioLogEntry => {
  const flow = context.flows.get(entry.flowId) as ScenarioFlow;
  const node = stepNode(flow, entry.stepId);
  const componentId = typeof node?.component_id === "string" ? node.component_id : "";
  const ms = resolveTimeMs(entry.at, context.nowMs) ?? context.nowMs;
  const execution = entry.execution ?? `entry-${index}`;
  return {
    id: entry.id ?? uuidFor(`log:${context.scenarioName}:${index}`),
    workspace_id: flow.workspaceId,
    flow_id: flow.id,
    user_id: flow.userId,
    component_id: componentId,
    container_id: entry.containerId ?? containerIdAt(context, flow.id, entry.stepId, ms),
    step_id: entry.stepId,
    exec_id: entry.execId ?? hex32For(`exec:${context.scenarioName}:${flow.id}:${entry.stepId}:${execution}`),
    thread_id: entry.threadId ?? uuidFor(`thread:${context.scenarioName}:${flow.id}:${execution}`),
    method: entry.method ?? functionOf(node?.command),
    api_username: `task-${flow.id}`,
    component_name: context.components.get(componentId)?.title ?? "",
    timestamp: new Date(ms).toISOString(),
    level: entry.level,
    message: entry.message,
  };
};

/** The log lines the platform writes when a container ends: memory kills, failed starts, other exits. */
export const containerExitLogs = (exit: ScenarioContainerExitFile, index: number): ScenarioLogFile[] => {
  const base = {
    flowId: exit.flowId,
    stepId: exit.stepId,
    at: exit.at,
    execution: `container-exit-${index}`,
  };
  const summary = `Container terminated: state ${exit.state}, exit code ${exit.exitCode}, reason ${exit.reason}`;
  if (exit.exitCode === 137 || exit.reason === "OOMKilled") {
    return [
      { ...base, level: 60, message: "Component run out of memory and terminated" },
      { ...base, level: 50, message: summary },
    ];
  }
  if (exit.state === "Failed") {
    return [
      { ...base, level: 50, message: "Component failed to start" },
      { ...base, level: 50, message: summary },
    ];
  }
  return [{ ...base, level: exit.exitCode === 0 ? 30 : 50, message: summary }];
};

export type { LogContext };
