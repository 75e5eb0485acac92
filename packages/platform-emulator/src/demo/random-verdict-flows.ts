import { type Cause, createRandom } from "@flowdoctor/core";
import type { DemoProblem } from "./demo-spec.js";
import { crmSteps, type VerdictFlowSpec } from "./verdict-scenario.js";

/**
 * Flows drawn at random, each with the verdict its history earns: healthy, one failed run, an outage that
 * ended, a problem that goes on, an ended outage followed by another problem, suspended, stopped in a limited
 * workspace. Schedules, windows, steps and texts vary with the seed, so the verdict rules are tuned to none of them.
 */

/** Classic texts per step and cause; what varies is when and how often they happen. */
const TEXTS: Readonly<Record<"step_2" | "step_3", Partial<Record<Cause, readonly string[]>>>> = {
  step_2: {
    SYSTEM_DOWNTIME: [
      "connect ECONNREFUSED 10.20.4.17:443",
      "Error: Code: 503 Message: Service Unavailable",
      "getaddrinfo ENOTFOUND crm.acme.example",
      "Error: Code: 502 Message: Bad Gateway",
    ],
    INVALID_CREDENTIALS: [
      'Error: Code: 401 Message: Unauthorized Body: {"error":"invalid_token","error_description":"The access token expired"}',
    ],
    RATE_LIMITED: ["Error: Code: 429 Message: Too Many Requests"],
    ANSWER_STRUCTURE: ["SyntaxError: Unexpected token < in JSON at position 0"],
  },
  step_3: {
    MAPPING: ['error: null value in column "email" of relation "contacts" violates not-null constraint'],
    INVALID_CREDENTIALS: ['error: password authentication failed for user "sync"'],
    SYSTEM_DOWNTIME: ["Error: Connection terminated unexpectedly"],
  },
};

/**
 * One failed run is transient, and the flow healthy, when a retry gets past its cause (the system came back, the
 * throttle lifted, the token was refreshed). A record the target rejected, or an answer the step could not read, fails
 * again on retry: someone must act on it, so the problem is one that ended (RECOVERED), not nothing.
 */
const PASSES_ON_RETRY: ReadonlySet<Cause> = new Set([
  "SYSTEM_DOWNTIME",
  "RATE_LIMITED",
  "INVALID_CREDENTIALS",
]);

const KINDS = [
  "healthy",
  "oneFailedRun",
  "recovered",
  "failing",
  "recoveredThenFailing",
  "suspended",
  "limited",
] as const;
const SCHEDULES = [15, 30, 60] as const;
const HISTORY_HOURS = 24;

type Random = () => number;
const pick = <TItem>(items: readonly TItem[], random: Random): TItem =>
  items[Math.floor(random() * items.length)] as TItem;
const between = (from: number, to: number, random: Random): number =>
  Math.round((from + random() * (to - from)) * 100) / 100;

/** A problem at a random step with one of its causes, from `sinceHours` ago (until `untilHours` ago). */
const problemAt = (random: Random, sinceHours: number, untilHours?: number): DemoProblem => {
  const stepId = pick(["step_2", "step_3"] as const, random);
  const texts = TEXTS[stepId];
  const cause = pick(Object.keys(texts) as Cause[], random);
  return {
    cause,
    stepId,
    sinceHours,
    ...(untilHours === undefined ? {} : { untilHours }),
    rate: 1,
    messages: texts[cause] ?? [],
  };
};

/**
 * One run: runs start `everyMinutes` apart from `HISTORY_HOURS` ago, each up to a third of the interval (at most
 * 10 minutes) late. A window from just before run n to half an interval after it holds that run and no other.
 */
const oneRun = (random: Random, everyMinutes: number) => {
  const interval = everyMinutes / 60;
  const run = Math.ceil(between(Math.max(1, 2 * interval), 20, random) / interval) * interval;
  return { sinceHours: run + 0.01, untilHours: run - interval / 2 };
};

const flowOf = (kind: (typeof KINDS)[number], random: Random, key: string): VerdictFlowSpec => {
  const everyMinutes = pick(SCHEDULES, random);
  const interval = everyMinutes / 60;
  const base = {
    key,
    name: `Random verdict ${key}`,
    description: kind,
    workspace: "acme-prod",
    author: "alice",
    status: "active",
    everyMinutes,
    historyHours: HISTORY_HOURS,
    lastStartHoursAgo: HISTORY_HOURS,
    createdDaysAgo: 60,
    steps: crmSteps,
  } as const;
  switch (kind) {
    case "healthy":
      return { ...base, verdict: { status: "HEALTHY", cause: null } };
    case "oneFailedRun": {
      const { sinceHours, untilHours } = oneRun(random, everyMinutes);
      const problem = problemAt(random, sinceHours, untilHours);
      const verdict = PASSES_ON_RETRY.has(problem.cause)
        ? ({ status: "HEALTHY", cause: null } as const)
        : ({ status: "RECOVERED", cause: problem.cause } as const);
      return { ...base, problems: [problem], verdict };
    }
    case "recovered": {
      // At least two runs failed, and at least two passed since it ended: one failed run is another kind.
      const twoRuns = Math.max(1, 2 * interval) + 0.2;
      const untilHours = between(twoRuns, 8, random);
      const problem = problemAt(random, between(untilHours + twoRuns, untilHours + 12, random), untilHours);
      return { ...base, problems: [problem], verdict: { status: "RECOVERED", cause: problem.cause } };
    }
    case "failing": {
      const problem = problemAt(random, between(Math.max(1, 2 * interval), 20, random));
      return { ...base, problems: [problem], verdict: { status: "FAILING", cause: problem.cause } };
    }
    case "recoveredThenFailing": {
      const ended = problemAt(random, between(16, 22, random), between(10, 14, random));
      const ongoing = problemAt(random, between(Math.max(1, 2 * interval), 6, random));
      return { ...base, problems: [ended, ongoing], verdict: { status: "FAILING", cause: ongoing.cause } };
    }
    case "suspended":
      return {
        ...base,
        status: "suspended",
        quietHours: between(2, 12, random),
        stateCauses: [{ cause: "FLOW_SUSPENDED" }],
        verdict: { status: "FAILING", cause: "FLOW_SUSPENDED" },
      };
    case "limited": {
      // The platform stops a flow in a limited workspace 8 hours after its last start.
      const startedHoursAgo = between(9, 22, random);
      return {
        ...base,
        workspace: "acme-sandbox",
        status: "inactive",
        historyHours: Math.ceil(startedHoursAgo),
        lastStartHoursAgo: Math.ceil(startedHoursAgo),
        quietHours: Math.ceil(startedHoursAgo) - 8,
        stateCauses: [{ cause: "LIMITED_WORKSPACE_STOPPED" }],
        verdict: { status: "FAILING", cause: "LIMITED_WORKSPACE_STOPPED" },
      };
    }
  }
};

/** `count` flows drawn with `seed`, the kinds in turn so each is equally present. */
export const randomVerdictFlows = (seed: number, count: number): VerdictFlowSpec[] => {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) =>
    flowOf(KINDS[index % KINDS.length] as (typeof KINDS)[number], random, `random-${seed}-${index}`),
  );
};
