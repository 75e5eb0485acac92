import type { Cause, VerdictStatus } from "@flowdoctor/core";
import type { ScenarioFile } from "../scenario/scenario-file.js";
import { demoComponents } from "./demo-components.js";
import {
  DEMO_CONTRACTS,
  DEMO_CREDENTIALS,
  DEMO_DATA_SAMPLES,
  DEMO_USERS,
  DEMO_WORKSPACES,
} from "./demo-directory.js";
import { demoFlowId, exitsOf, toFlow } from "./demo-scenario.js";
import type { DemoFlowSpec } from "./demo-spec.js";
import { postgresStep, restStep, timerStep, webhookStep } from "./demo-steps.js";
import { generateHistory } from "./generate-history.js";

/** A flow built to earn one verdict: the status and cause a right diagnosis gives it. */
export interface VerdictFlowSpec extends DemoFlowSpec {
  readonly verdict: { readonly status: VerdictStatus; readonly cause: Cause | null };
}

const hourly = {
  workspace: "acme-prod",
  author: "alice",
  status: "active",
  everyMinutes: 60,
  historyHours: 24,
  lastStartHoursAgo: 24,
  createdDaysAgo: 60,
} as const;

export const crmSteps = [
  timerStep(),
  restStep({
    id: "step_2",
    name: "Read CRM contacts",
    method: "GET",
    url: "https://crm.acme.example/api/contacts",
  }),
  postgresStep(
    "step_3",
    "Store contacts",
    "INSERT INTO contacts (id, email) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE",
  ),
];

/**
 * Flows whose right verdict is not "the worst error in the logs": outages that ended, one transient error, throttling
 * behind a 403, credentials behind a 500, platform states without errors. Hourly runs, each at most 10 minutes late,
 * so a problem between `sinceHours` 5.05 and 4.5 hits exactly one run.
 */
export const VERDICT_FLOWS: readonly VerdictFlowSpec[] = [
  {
    ...hourly,
    key: "verdict-recovered-outage",
    name: "Verdicts: CRM outage that ended",
    description: "The CRM was down for six hours this morning; every run since has passed",
    steps: crmSteps,
    problems: [
      {
        cause: "SYSTEM_DOWNTIME",
        stepId: "step_2",
        sinceHours: 12,
        untilHours: 5.5,
        rate: 1,
        messages: ["connect ECONNREFUSED 10.20.4.17:443", "Error: Code: 503 Message: Service Unavailable"],
      },
    ],
    verdict: { status: "RECOVERED", cause: "SYSTEM_DOWNTIME" },
  },
  {
    ...hourly,
    key: "verdict-transient-timeout",
    name: "Verdicts: one timeout",
    description: "One run timed out; the runs before and after passed",
    steps: crmSteps,
    problems: [
      {
        cause: "SYSTEM_DOWNTIME",
        stepId: "step_2",
        sinceHours: 5.05,
        untilHours: 4.5,
        rate: 1,
        messages: ["Error: ETIMEDOUT: Timeout error! Waiting for response more than 60000 ms"],
      },
    ],
    verdict: { status: "HEALTHY", cause: null },
  },
  {
    ...hourly,
    key: "verdict-healthy",
    name: "Verdicts: nothing wrong",
    description: "Every run passes",
    steps: crmSteps,
    verdict: { status: "HEALTHY", cause: null },
  },
  {
    ...hourly,
    key: "verdict-throttled-403",
    name: "Verdicts: throttled behind 403",
    description: "The API answers 403 with a rate-limit reason when called too often",
    steps: crmSteps,
    problems: [
      {
        cause: "RATE_LIMITED",
        stepId: "step_2",
        sinceHours: 10,
        rate: 0.7,
        messages: [
          'Error: Code: 403 Message: Forbidden Body: {"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again."}',
          'Request failed with status code 403 {"error":{"code":403,"message":"Quota exceeded for quota metric \'Queries\' and limit \'Queries per minute per user\'","errors":[{"reason":"userRateLimitExceeded"}]}}',
        ],
      },
    ],
    verdict: { status: "FAILING", cause: "RATE_LIMITED" },
  },
  {
    ...hourly,
    key: "verdict-session-500",
    name: "Verdicts: expired session behind 500",
    description: "The SOAP API answers an expired session with HTTP 500",
    steps: crmSteps,
    problems: [
      {
        cause: "INVALID_CREDENTIALS",
        stepId: "step_2",
        sinceHours: 8,
        rate: 1,
        messages: [
          "Error: Code: 500 Message: Internal Server Error Body: <soapenv:Fault><faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring></soapenv:Fault>",
        ],
      },
    ],
    verdict: { status: "FAILING", cause: "INVALID_CREDENTIALS" },
  },
  {
    ...hourly,
    key: "verdict-recovered-then-broken",
    name: "Verdicts: outage ended, mapping broke",
    description: "An outage ended; since a change the target rejects what the flow sends",
    steps: crmSteps,
    problems: [
      {
        cause: "SYSTEM_DOWNTIME",
        stepId: "step_2",
        sinceHours: 20,
        untilHours: 14,
        rate: 1,
        messages: ["getaddrinfo ENOTFOUND crm.acme.example"],
      },
      {
        cause: "MAPPING",
        stepId: "step_3",
        sinceHours: 6,
        rate: 1,
        messages: ['error: null value in column "email" of relation "contacts" violates not-null constraint'],
      },
    ],
    verdict: { status: "FAILING", cause: "MAPPING" },
  },
  {
    ...hourly,
    key: "verdict-setting-cleared",
    name: "Verdicts: a setting left empty",
    description:
      "The REST step's URL setting was cleared in an edit; every run since fails before any request",
    steps: [
      timerStep(),
      restStep({ id: "step_2", name: "Read CRM contacts", method: "GET", url: "" }),
      crmSteps[2] as DemoFlowSpec["steps"][number],
    ],
    problems: [
      {
        cause: "COMPONENT_ERROR",
        stepId: "step_2",
        sinceHours: 7,
        rate: 1,
        messages: [
          "Error: url is required\n    at RestClient.request (/home/node/lib/utils/rest-client.js:41:13)\n    at Object.process (/home/node/lib/actions/httpRequestAction.js:22:9)",
        ],
      },
    ],
    verdict: { status: "FAILING", cause: "COMPONENT_ERROR" },
  },
  {
    ...hourly,
    key: "verdict-mapped-value-rejected",
    name: "Verdicts: a mapped value rejected in the component",
    description:
      "Since a change upstream, the mapper fills customerId with text; the step's own check rejects it",
    steps: [
      timerStep(),
      crmSteps[1] as DemoFlowSpec["steps"][number],
      {
        ...(crmSteps[2] as DemoFlowSpec["steps"][number]),
        mapper: { customerId: "$.body.customer", email: "$.body.email" },
      },
    ],
    problems: [
      {
        cause: "MAPPING",
        stepId: "step_3",
        sinceHours: 6,
        rate: 1,
        messages: [
          "TypeError: Parameter 'customerId' must be a number\n    at validateRow (/home/node/lib/actions/upsert.js:88:19)\n    at Object.process (/home/node/lib/actions/upsert.js:31:5)",
        ],
      },
    ],
    verdict: { status: "FAILING", cause: "MAPPING" },
  },
  {
    ...hourly,
    key: "verdict-broker-down",
    name: "Verdicts: message broker failing",
    description: "Publishing to the next step fails in the platform's transport",
    steps: [webhookStep("/hook/orders"), crmSteps[1] as DemoFlowSpec["steps"][number]],
    problems: [
      {
        cause: "MESSAGING_FAILURE",
        stepId: "step_1",
        sinceHours: 3,
        rate: 1,
        messages: [
          "Failed on publishing 7f1c2a9e-4b7d-4c1e-9a3f-2d8e5b7c1a04 message to MQ: Error: Channel closed",
        ],
      },
    ],
    verdict: { status: "FAILING", cause: "MESSAGING_FAILURE" },
  },
  {
    ...hourly,
    key: "verdict-suspended",
    name: "Verdicts: suspended, no errors",
    description: "Suspended by a user; it logged no error",
    status: "suspended",
    quietHours: 6,
    steps: crmSteps,
    stateCauses: [{ cause: "FLOW_SUSPENDED" }],
    verdict: { status: "FAILING", cause: "FLOW_SUSPENDED" },
  },
  {
    ...hourly,
    key: "verdict-limited-stopped",
    name: "Verdicts: stopped in the sandbox",
    description: "Stopped by the platform 8 hours after it was started in a limited workspace",
    workspace: "acme-sandbox",
    status: "inactive",
    historyHours: 20,
    quietHours: 12,
    lastStartHoursAgo: 20,
    steps: crmSteps,
    stateCauses: [{ cause: "LIMITED_WORKSPACE_STOPPED" }],
    verdict: { status: "FAILING", cause: "LIMITED_WORKSPACE_STOPPED" },
  },
];

/** The id of a verdict flow by its key. */
export const verdictFlowId = demoFlowId;

/** The built-in `verdicts` scenario: the demo's tenants, with the flows of `VERDICT_FLOWS` (or `flows`). */
export const createVerdictScenarioFile = (
  nowMs: number,
  flows: readonly VerdictFlowSpec[] = VERDICT_FLOWS,
): ScenarioFile => ({
  name: "verdicts",
  description:
    "Flows whose right verdict is not the worst error: recoveries, transient errors, hidden causes",
  users: DEMO_USERS,
  contracts: DEMO_CONTRACTS,
  workspaces: DEMO_WORKSPACES,
  components: demoComponents(),
  credentials: DEMO_CREDENTIALS,
  dataSamples: DEMO_DATA_SAMPLES,
  flows: flows.map(toFlow),
  logs: flows.flatMap((spec) => generateHistory(spec, demoFlowId(spec.key), nowMs)),
  containerExits: flows.flatMap(exitsOf),
});
