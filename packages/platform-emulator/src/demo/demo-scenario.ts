import { objectIdFor, shaFor } from "../scenario/ids.js";
import type {
  ScenarioContainerExitFile,
  ScenarioExpectationFile,
  ScenarioFile,
  ScenarioFlowFile,
} from "../scenario/scenario-file.js";
import {
  demoComponentId,
  demoComponentRepo,
  demoComponents,
  demoComponentVersion,
} from "./demo-components.js";
import {
  DEMO_CONTRACTS,
  DEMO_CREDENTIALS,
  DEMO_DATA_SAMPLES,
  DEMO_USERS,
  DEMO_WORKSPACES,
  demoCredentialId,
  demoSampleId,
  demoUserId,
  demoWorkspaceId,
} from "./demo-directory.js";
import { ACME_FLOWS } from "./demo-flows-acme.js";
import { OTHER_FLOWS } from "./demo-flows-other.js";
import type { DemoFlowSpec, DemoStep } from "./demo-spec.js";
import { generateHistory } from "./generate-history.js";

/** The id of a demo flow by its spec key, e.g. `wms-inventory`. */
export const demoFlowId = (key: string): string => objectIdFor(`demo:flow:${key}`);

const node = (step: DemoStep): Record<string, unknown> => ({
  id: step.id,
  component_id: demoComponentId(step.component),
  command: `${demoComponentRepo(step.component)}:${step.fn}@${
    step.version === undefined ? "latest" : demoComponentVersion(step.component, step.version)
  }`,
  name: step.name,
  description: "",
  fields: step.fields ?? {},
  ...(step.credential === undefined ? {} : { credentials_id: demoCredentialId(step.credential) }),
  ...(step.sample === undefined ? {} : { selected_data_samples: [demoSampleId(step.sample)] }),
});

const edges = (steps: readonly DemoStep[]): Record<string, unknown>[] =>
  steps.slice(1).map((step, index) => {
    const source = steps[index]?.id ?? "step_1";
    return {
      id: `${source}:${step.id}`,
      source,
      target: step.id,
      config: { mapper_type: "jsonata", mapper: step.mapper ?? {}, condition: null },
    };
  });

const expectedOf = (spec: DemoFlowSpec): ScenarioExpectationFile[] => [
  ...(spec.problems ?? []).map((problem) => ({ cause: problem.cause, stepId: problem.stepId })),
  ...(spec.stateCauses ?? []),
];

const graphOf = (steps: readonly DemoStep[]) => ({ nodes: steps.map(node), edges: edges(steps) });

// Without changes: three versions of the same graph; with changes: the first version, then one per change.
const versionsOf = (spec: DemoFlowSpec): NonNullable<ScenarioFlowFile["versions"]> => {
  const versionId = (index: number) => shaFor(`demo:flow:${spec.key}:v${index + 1}`);
  if (!spec.changes) {
    const versionAges = [spec.createdDaysAgo, Math.max(1, Math.floor(spec.createdDaysAgo / 2)), 3];
    return versionAges.map((days, index) => ({ id: versionId(index), createdAt: `-${days}d` }));
  }
  const changes = spec.changes;
  const stepsAfter = (index: number) => changes[index + 1]?.before ?? spec.steps;
  return [
    {
      id: versionId(0),
      createdAt: `-${spec.createdDaysAgo}d`,
      graph: graphOf(changes[0]?.before ?? spec.steps),
    },
    ...changes.map((change, index) => ({
      id: versionId(index + 1),
      createdAt: `-${Math.round(change.hoursAgo * 60)}m`,
      graph: graphOf(stepsAfter(index)),
    })),
  ];
};

/** A demo flow spec as a scenario flow, with its graph, versions, queue stats and expected causes. */
export const toFlow = (spec: DemoFlowSpec): ScenarioFlowFile => {
  const id = demoFlowId(spec.key);
  const created = `-${spec.createdDaysAgo}d`;
  return {
    id,
    name: spec.name,
    description: spec.description,
    workspaceId: demoWorkspaceId(spec.workspace),
    userId: demoUserId(spec.author),
    type: spec.type ?? "ordinary",
    status: spec.status,
    currentStatus: spec.currentStatus ?? spec.status,
    cron: spec.steps[0]?.component === "timer" ? `*/${Math.min(spec.everyMinutes, 59)} * * * *` : null,
    createdAt: created,
    updatedAt: "-3d",
    ...(spec.lastStartHoursAgo === undefined ? {} : { lastStartTime: `-${spec.lastStartHoursAgo}h` }),
    hasDraft: spec.key.length % 3 === 0,
    graph: graphOf(spec.steps),
    nodesConfig: Object.fromEntries(
      spec.steps.map((step) => [step.id, { prefetch: 1, log_level: "info", ...spec.nodesConfig?.[step.id] }]),
    ),
    versions: versionsOf(spec),
    queueStats:
      spec.queueStats ??
      spec.steps.map((step) => ({ stepId: step.id, total: 0, ready: 0, unacked: 0, rebounds: 0 })),
    expected: expectedOf(spec),
  };
};

/** The container exits of a demo flow spec. */
export const exitsOf = (spec: DemoFlowSpec): ScenarioContainerExitFile[] =>
  (spec.containerExits ?? []).map((exit) => ({
    flowId: demoFlowId(spec.key),
    stepId: exit.stepId,
    at: `-${exit.hoursAgo}h`,
    state: exit.state,
    exitCode: exit.exitCode,
    reason: exit.reason,
  }));

/** Flow specs of the demo, for tests that check the demo's data against what it was built to show. */
export const DEMO_FLOW_SPECS: readonly DemoFlowSpec[] = [...ACME_FLOWS, ...OTHER_FLOWS];

/**
 * The built-in `demo` scenario: three contracts (one suspended), four workspaces (one limited), realistic flows
 * with days of seeded history, one flow per taxonomy cause, flows with two problems, healthy flows.
 */
export const createDemoScenarioFile = (nowMs: number): ScenarioFile => ({
  name: "demo",
  description: "Acme, Globex and Initech: one flow per troubleshooting cause, with days of history",
  users: DEMO_USERS,
  contracts: DEMO_CONTRACTS,
  workspaces: DEMO_WORKSPACES,
  components: demoComponents(),
  credentials: DEMO_CREDENTIALS,
  dataSamples: DEMO_DATA_SAMPLES,
  flows: DEMO_FLOW_SPECS.map(toFlow),
  logs: DEMO_FLOW_SPECS.flatMap((spec) => generateHistory(spec, demoFlowId(spec.key), nowMs)),
  containerExits: DEMO_FLOW_SPECS.flatMap(exitsOf),
});
