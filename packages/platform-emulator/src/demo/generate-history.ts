import { createRandom } from "@flowdoctor/core";
import type { ScenarioLogFile } from "../scenario/scenario-file.js";
import type { DemoFlowSpec, DemoProblem, DemoStep } from "./demo-spec.js";

const HOUR_MS = 3_600_000;

const seedOf = (text: string): number => {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  }
  return hash >>> 0;
};

/** Fills `{n}`, `{id}` and `{ms}` placeholders with seeded values. */
const fill = (template: string, random: () => number): string =>
  template
    .replaceAll("{n}", () => String(1 + Math.floor(random() * 480)))
    .replaceAll("{id}", () =>
      Math.floor(random() * 0xffffffff)
        .toString(16)
        .padStart(8, "0"),
    )
    .replaceAll("{ms}", () => String(80 + Math.floor(random() * 900)));

const pick = <TItem>(items: readonly TItem[], random: () => number): TItem =>
  items[Math.floor(random() * items.length)] as TItem;

/** One execution being generated: its flow, start, the scenario's "now" and the seeded random source. */
interface Run {
  readonly spec: DemoFlowSpec;
  readonly flowId: string;
  readonly startMs: number;
  readonly nowMs: number;
  readonly random: () => number;
}

/** The problem that makes this run fail at a step, if one is active then and the dice say so. */
const activeProblem = (run: Run, step: DemoStep): DemoProblem | undefined => {
  const hoursAgo = (run.nowMs - run.startMs) / HOUR_MS;
  return (run.spec.problems ?? []).find(
    (problem) =>
      problem.stepId === step.id &&
      hoursAgo <= problem.sinceHours &&
      hoursAgo >= (problem.untilHours ?? 0) &&
      run.random() < problem.rate,
  );
};

/** The log lines of one execution: each step's info lines, until a problem stops it. */
const executionLogs = (run: Run): ScenarioLogFile[] => {
  const { spec, flowId, startMs, random } = run;
  const execution = `${spec.key}-${startMs}`;
  const lines: ScenarioLogFile[] = [];
  let ms = startMs;
  const push = (stepId: string, level: number, message: string): void => {
    ms += 40 + Math.floor(random() * 900);
    lines.push({ flowId, stepId, at: new Date(ms).toISOString(), level, message, execution });
  };
  for (const step of spec.steps) {
    const problem = activeProblem(run, step);
    for (const line of step.info.slice(0, problem ? 1 : step.info.length))
      push(step.id, 30, fill(line, random));
    if (!problem) continue;
    for (const line of problem.before ?? []) push(step.id, 30, fill(line, random));
    for (const line of problem.warnings ?? []) push(step.id, 40, fill(line, random));
    push(step.id, problem.level ?? 50, fill(pick(problem.messages, random), random));
    return lines;
  }
  return lines;
};

/** A flow's log history: executions every `everyMinutes` (with jitter) over `historyHours`, seeded by the flow's key. */
export const generateHistory = (spec: DemoFlowSpec, flowId: string, nowMs: number): ScenarioLogFile[] => {
  const random = createRandom(seedOf(spec.key));
  const endMs = nowMs - (spec.quietHours ?? 0) * HOUR_MS - 60_000;
  const stepMs = spec.everyMinutes * 60_000;
  const lines: ScenarioLogFile[] = [];
  for (let startMs = nowMs - spec.historyHours * HOUR_MS; startMs <= endMs; startMs += stepMs) {
    const jitter = Math.floor(random() * Math.min(stepMs / 3, 10 * 60_000));
    lines.push(...executionLogs({ spec, flowId, startMs: startMs + jitter, nowMs, random }));
  }
  return lines;
};
