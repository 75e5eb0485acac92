import { createRandom, type FlowHealthStatus } from "@flowdoctor/core";
import type { ScenarioFile, ScenarioFlowFile, ScenarioLogFile } from "../scenario/scenario-file.js";
import { demoComponents } from "./demo-components.js";
import {
  DEMO_CONTRACTS,
  DEMO_CREDENTIALS,
  DEMO_DATA_SAMPLES,
  DEMO_USERS,
  DEMO_WORKSPACES,
} from "./demo-directory.js";
import { demoFlowId, toFlow } from "./demo-scenario.js";
import type { DemoStep } from "./demo-spec.js";
import { emailStep, restStep, timerStep, webhookStep } from "./demo-steps.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 14;

/** When messages arrive: the expected count in the hour starting at `hourMs` (UTC). */
type Rhythm = (hourMs: number, random: () => number) => number;

/** A flow of the health scenario: its steps, rhythm, and what it looks like at the end. */
export interface HealthFlowSpec {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly steps: readonly DemoStep[];
  /** Messages per hour, or runs of a cron schedule. */
  readonly rhythm: Rhythm | { readonly cron: string; readonly everyMinutes: number };
  /** No message after this many hours ago. */
  readonly silentForHours?: number;
  /** The second step logs nothing after this many hours ago, and its queue holds `stuckQueue` messages. */
  readonly stuckForHours?: number;
  readonly stuckQueue?: number;
  readonly status?: "active" | "inactive";
  /** The status `flowHealth` must give it, whatever day and hour the scenario runs. */
  readonly expected: FlowHealthStatus;
}

const weekend = (hourMs: number): boolean => [0, 6].includes(new Date(hourMs).getUTCDay());
const hourOfDay = (hourMs: number): number => new Date(hourMs).getUTCHours();

const poisson = (mean: number, random: () => number): number => {
  let count = 0;
  for (let p = Math.exp(-mean), product = random(); product > p; product *= random()) count += 1;
  return count;
};

const steady =
  (perHour: number): Rhythm =>
  (_hour, random) =>
    poisson(perHour, random);
const businessHours: Rhythm = (hour, random) =>
  weekend(hour) || hourOfDay(hour) < 8 || hourOfDay(hour) >= 18 ? 0 : poisson(6, random);
const bursty: Rhythm = (hour, random) => {
  // A few bursts a week at any hour, nothing in between.
  const seed = Math.floor(hour / (3 * HOUR_MS));
  const burst = createRandom(seed ^ 0x5bd1e995)() < 0.06;
  return burst ? poisson(25, random) : 0;
};
const lulls: Rhythm = (hour, random) => {
  // Busy by day, nothing at night, and ordinary hour-long lulls in the afternoon.
  const h = hourOfDay(hour);
  if (h < 6 || h >= 22) return 0;
  return random() < 0.55 ? poisson(4, random) : 0;
};

const HOOK = (path: string) => webhookStep(path);
const store = restStep({
  id: "step_2",
  name: "Forward",
  method: "POST",
  url: "https://hub.acme.example/api/in",
});

export const HEALTH_FLOWS: readonly HealthFlowSpec[] = [
  {
    key: "hl-orders-hook",
    name: "Health: shop orders webhook",
    description: "Orders arrive around the clock; the shop stopped calling three hours ago",
    steps: [HOOK("/hook/shop-orders"), store],
    rhythm: steady(8),
    silentForHours: 3,
    expected: "INTAKE_STOPPED",
  },
  {
    key: "hl-queue-feed",
    name: "Health: warehouse feed",
    description: "Polls the warehouse every few minutes around the clock; went quiet five hours ago",
    steps: [
      { id: "step_1", component: "amqp", fn: "consume", name: "Consume", info: ["Consumed message {id}"] },
      store,
    ],
    rhythm: steady(10),
    silentForHours: 5,
    expected: "WENT_QUIET",
  },
  {
    key: "hl-hourly-export",
    name: "Health: hourly export",
    description: "Runs at the top of every hour; the last three runs did not happen",
    steps: [timerStep(), store],
    rhythm: { cron: "0 * * * *", everyMinutes: 60 },
    silentForHours: 3.5,
    expected: "MISSED_RUN",
  },
  {
    key: "hl-nightly-report",
    name: "Health: nightly report",
    description: "Runs at 01:30 every night, and did",
    steps: [timerStep(), emailStep("step_2", "reports@acme.example")],
    rhythm: { cron: "30 1 * * *", everyMinutes: 1440 },
    expected: "OK",
  },
  {
    key: "hl-stuck-consumer",
    name: "Health: invoices to ERP",
    description: "Invoices keep arriving; the ERP step stopped taking them two hours ago and its queue grows",
    steps: [HOOK("/hook/invoices"), store],
    rhythm: steady(6),
    stuckForHours: 2,
    stuckQueue: 12,
    expected: "STUCK_CONSUMER",
  },
  {
    key: "hl-business-hours",
    name: "Health: office leads",
    description: "Leads on weekdays from 8 to 18 UTC; nothing at night or at weekends",
    steps: [HOOK("/hook/leads"), store],
    rhythm: businessHours,
    expected: "OK",
  },
  {
    key: "hl-bursty",
    name: "Health: partner bulk uploads",
    description: "A few large bursts a week, silence in between",
    steps: [HOOK("/hook/bulk"), store],
    rhythm: bursty,
    expected: "OK",
  },
  {
    key: "hl-lulls",
    name: "Health: support tickets",
    description: "Busy by day with ordinary lulls, quiet at night",
    steps: [HOOK("/hook/tickets"), store],
    rhythm: lulls,
    expected: "OK",
  },
  {
    key: "hl-stopped",
    name: "Health: retired import",
    description: "Stopped last week on purpose",
    steps: [timerStep(), store],
    rhythm: steady(0),
    status: "inactive",
    expected: "NOT_RUNNING",
  },
];

const seedOf = (text: string): number =>
  [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261) >>> 0;

const execution = (
  spec: HealthFlowSpec,
  flowId: string,
  atMs: number,
  nowMs: number,
  random: () => number,
): ScenarioLogFile[] => {
  const label = `${spec.key}-${atMs}`;
  const lines: ScenarioLogFile[] = [];
  const stuckFrom =
    spec.stuckForHours === undefined ? Number.POSITIVE_INFINITY : nowMs - spec.stuckForHours * HOUR_MS;
  let ms = atMs;
  for (const [index, step] of spec.steps.entries()) {
    if (index > 0 && ms >= stuckFrom) break;
    ms += 50 + Math.floor(random() * 400);
    if (ms > nowMs) break;
    lines.push({
      flowId,
      stepId: step.id,
      at: new Date(ms).toISOString(),
      level: 30,
      message: step.info[0] ?? "ok",
      execution: label,
    });
  }
  return lines;
};

const arrivals = (spec: HealthFlowSpec, fromMs: number, endMs: number, random: () => number): number[] => {
  const times: number[] = [];
  const { rhythm } = spec;
  if (typeof rhythm === "function") {
    for (let hour = Math.floor(fromMs / HOUR_MS) * HOUR_MS; hour < endMs; hour += HOUR_MS) {
      const count = rhythm(hour, random);
      for (let index = 0; index < count; index += 1) times.push(hour + Math.floor(random() * HOUR_MS));
    }
  } else {
    const step = rhythm.everyMinutes * 60_000;
    const offset = rhythm.cron.startsWith("30 1") ? 90 * 60_000 : 0;
    for (let at = Math.floor(fromMs / DAY_MS) * DAY_MS + offset; at < endMs; at += step)
      times.push(at + Math.floor(random() * 90_000));
  }
  return times.filter((at) => at >= fromMs && at < endMs).sort((a, b) => a - b);
};

/** The history of one health flow over the last 14 days, ending at its silence. */
export const healthHistory = (spec: HealthFlowSpec, nowMs: number): ScenarioLogFile[] => {
  if (spec.status === "inactive") return [];
  const random = createRandom(seedOf(spec.key));
  const flowId = demoFlowId(spec.key);
  const endMs = nowMs - (spec.silentForHours ?? 0) * HOUR_MS;
  return arrivals(spec, nowMs - HISTORY_DAYS * DAY_MS + HOUR_MS, endMs, random).flatMap((at) =>
    execution(spec, flowId, at, nowMs, random),
  );
};

const toHealthFlow = (spec: HealthFlowSpec): ScenarioFlowFile => {
  const flow = toFlow({
    key: spec.key,
    name: spec.name,
    description: spec.description,
    workspace: "acme-prod",
    author: "alice",
    status: spec.status ?? "active",
    everyMinutes: 60,
    historyHours: 0,
    lastStartHoursAgo: 24 * 20,
    createdDaysAgo: 60,
    steps: spec.steps,
  });
  return {
    ...flow,
    cron: typeof spec.rhythm === "function" ? null : spec.rhythm.cron,
    queueStats: spec.steps.map((step, index) => ({
      stepId: step.id,
      total: index === 1 ? (spec.stuckQueue ?? 0) : 0,
      ready: index === 1 ? (spec.stuckQueue ?? 0) : 0,
      unacked: 0,
      rebounds: 0,
    })),
  };
};

/** The id of a health flow by its key. */
export const healthFlowId = demoFlowId;

/** The built-in `health` scenario: 14 days of rhythms in acme-prod, relative to the emulator's clock. */
export const createHealthScenarioFile = (nowMs: number): ScenarioFile => ({
  name: "health",
  description:
    "Flows that went quiet, missed a run or got stuck, beside healthy nights, weekends, bursts and lulls",
  users: DEMO_USERS,
  contracts: DEMO_CONTRACTS,
  workspaces: DEMO_WORKSPACES,
  components: demoComponents(),
  credentials: DEMO_CREDENTIALS,
  dataSamples: DEMO_DATA_SAMPLES,
  flows: HEALTH_FLOWS.map(toHealthFlow),
  logs: HEALTH_FLOWS.flatMap((spec) => healthHistory(spec, nowMs)),
});
