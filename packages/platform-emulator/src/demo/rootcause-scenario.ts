import type { ScenarioFile } from "../scenario/scenario-file.js";
import { demoComponentId, demoComponents, demoComponentVersion } from "./demo-components.js";
import {
  DEMO_CONTRACTS,
  DEMO_CREDENTIALS,
  DEMO_DATA_SAMPLES,
  DEMO_USERS,
  DEMO_WORKSPACES,
  demoCredentialId,
} from "./demo-directory.js";
import { demoFlowId, exitsOf, toFlow } from "./demo-scenario.js";
import type { DemoFlowSpec, DemoStep } from "./demo-spec.js";
import { emailStep, postgresStep, restStep, timerStep, webhookStep } from "./demo-steps.js";
import { generateHistory } from "./generate-history.js";

const hourly = {
  workspace: "acme-prod",
  author: "alice",
  status: "active",
  everyMinutes: 60,
  historyHours: 24,
  lastStartHoursAgo: 30,
  createdDaysAgo: 40,
} as const;

const rest = (id: string, name: string, url: string, version: number, credential?: string): DemoStep => ({
  ...restStep({ id, name, method: "POST", url, ...(credential === undefined ? {} : { credential }) }),
  version,
});

const hubspotUpsert = (): DemoStep => ({
  id: "step_2",
  component: "hubspot",
  fn: "upsertContact",
  name: "Upsert HubSpot contact",
  info: ["Upserting contact {id} in HubSpot", "HubSpot answered 200 in {ms} ms"],
  credential: "hubspot",
});

const CONTACT_MAPPER = { id: "$.id", email: "$.email" };
const storeContacts = (mapper: Readonly<Record<string, string>>): DemoStep => ({
  ...postgresStep("step_3", "Store contacts", "INSERT INTO contacts (id, email, vat) VALUES ($1, $2, $3)"),
  mapper,
});
const readContacts = rest("step_2", "Read CRM contacts", "https://crm.acme.example/api/contacts", 2);

const erpOrder = (customerNumber: string): DemoStep => ({
  ...rest("step_2", "Create ERP order", "https://erp.acme.example/api/orders", 2, "erp"),
  mapper: { customerNumber, lines: "$.items" },
});

const COMPONENT_BUG =
  "TypeError: Cannot read properties of undefined (reading 'statusCode')\n    at Object.process (/home/node/node_modules/rest-api-component-v2/lib/actions/httpRequestAction.js:88:31)";

/** A flow that moved its REST step from component version 2 to 3 `hoursAgo`, and fails since. */
const upgraded = (key: string, name: string, url: string, hoursAgo: number): DemoFlowSpec => ({
  ...hourly,
  key,
  name,
  description: "Moved to REST API V2 version 3; every run since fails in the component",
  steps: [timerStep(), rest("step_2", "Send to backend", url, 3)],
  changes: [{ hoursAgo, before: [timerStep(), rest("step_2", "Send to backend", url, 2)] }],
  problems: [
    {
      cause: "COMPONENT_ERROR",
      stepId: "step_2",
      sinceHours: hoursAgo - 0.02,
      rate: 1,
      messages: [COMPONENT_BUG],
    },
  ],
});

/** What a right `rootCauses` answer holds for the scenario: kind, key and the flows it breaks. */
export interface ExpectedRootCause {
  readonly kind: "CREDENTIAL" | "EXTERNAL_HOST" | "COMPONENT_VERSION" | "CAUSE";
  readonly key: string;
  readonly flows: readonly string[];
  /** Flows that share the key and do not fail. */
  readonly healthyAlsoUsing: readonly string[];
}

/**
 * Flows of one workspace whose failures share causes: a mapper edit that broke a step, a component upgrade that broke
 * three flows, an expired credential shared with a flow that still works, a credential shared by a failing flow
 * (for another reason) and a healthy one, a partner host down for two flows, one transient timeout, healthy flows;
 * and one flow of the contract's sandbox that calls the same partner host.
 */
export const ROOT_CAUSE_FLOWS: readonly DemoFlowSpec[] = [
  {
    ...hourly,
    key: "rc-mapper-vat",
    name: "Root causes: contacts with VAT",
    description:
      "The mapper into the database step began reading the VAT id; contacts without one break the insert",
    steps: [timerStep(), readContacts, storeContacts({ ...CONTACT_MAPPER, vat: "$.customer.vat" })],
    changes: [{ hoursAgo: 6.2, before: [timerStep(), readContacts, storeContacts(CONTACT_MAPPER)] }],
    problems: [
      {
        cause: "MAPPING",
        stepId: "step_3",
        sinceHours: 6.1,
        rate: 1,
        messages: ['error: null value in column "vat" of relation "contacts" violates not-null constraint'],
      },
    ],
  },
  upgraded(
    "rc-upgrade-orders",
    "Root causes: orders to backend",
    "https://orders.acme.example/api/orders",
    9,
  ),
  upgraded(
    "rc-upgrade-invoices",
    "Root causes: invoices to billing",
    "https://billing.acme.example/api/invoices",
    8.5,
  ),
  upgraded("rc-upgrade-stock", "Root causes: stock to WMS", "https://wms.acme.example/api/stock", 8),
  {
    ...hourly,
    key: "rc-rest-v2-healthy",
    name: "Root causes: prices still on version 2",
    description: "Same REST component, version 2: every run passes",
    steps: [timerStep(), rest("step_2", "Send prices", "https://pricing.acme.example/api/prices", 2)],
  },
  {
    ...hourly,
    key: "rc-hubspot-contacts",
    name: "Root causes: contacts to HubSpot",
    description: "Writes contacts with the HubSpot token that was revoked",
    steps: [timerStep(), hubspotUpsert()],
    problems: [
      {
        cause: "INVALID_CREDENTIALS",
        stepId: "step_2",
        sinceHours: 10,
        rate: 1,
        messages: [
          'Error: Code: 401 Message: Unauthorized Body: {"status":"error","category":"INVALID_AUTHENTICATION"}',
        ],
      },
    ],
  },
  {
    ...hourly,
    key: "rc-hubspot-deals",
    name: "Root causes: deals to HubSpot",
    description: "Same HubSpot token",
    everyMinutes: 30,
    steps: [webhookStep("/hook/deals"), hubspotUpsert()],
    problems: [
      {
        cause: "INVALID_CREDENTIALS",
        stepId: "step_2",
        sinceHours: 10,
        rate: 1,
        messages: [
          'Error: Code: 401 Message: Unauthorized Body: {"status":"error","category":"INVALID_AUTHENTICATION"}',
        ],
      },
    ],
  },
  {
    ...hourly,
    key: "rc-hubspot-forms",
    name: "Root causes: form leads to HubSpot",
    description: "Uses the same HubSpot credential and still passes",
    steps: [webhookStep("/hook/forms"), hubspotUpsert()],
  },
  {
    ...hourly,
    key: "rc-erp-orders",
    name: "Root causes: orders to ERP",
    description: "Uses the ERP credential; the ERP rejects orders without a customer number",
    steps: [webhookStep("/hook/erp-orders"), erpOrder("$.customerNo")],
    // The mapper began reading a field the shop does not send.
    changes: [{ hoursAgo: 14.3, before: [webhookStep("/hook/erp-orders"), erpOrder("$.customer.number")] }],
    problems: [
      {
        cause: "MAPPING",
        stepId: "step_2",
        sinceHours: 14,
        rate: 0.8,
        messages: [
          'Error: Code: 422 Message: Unprocessable Entity Body: {"errors":{"customerNumber":"is required"}}',
        ],
      },
    ],
  },
  {
    ...hourly,
    key: "rc-erp-customers",
    name: "Root causes: customers to ERP",
    description: "Uses the same ERP credential and passes",
    steps: [
      timerStep(),
      rest("step_2", "Upsert ERP customer", "https://erp.acme.example/api/customers", 2, "erp"),
    ],
  },
  {
    ...hourly,
    key: "rc-shop-orders",
    name: "Root causes: partner shop orders",
    description: "The partner shop's API refuses connections",
    steps: [timerStep(), rest("step_2", "Fetch shop orders", "https://shop.partner.example/api/orders", 2)],
    problems: [
      {
        cause: "SYSTEM_DOWNTIME",
        stepId: "step_2",
        sinceHours: 3.2,
        rate: 1,
        messages: ["connect ECONNREFUSED 203.0.113.40:443", "Error: Code: 503 Message: Service Unavailable"],
      },
    ],
  },
  {
    ...hourly,
    key: "rc-shop-prices",
    name: "Root causes: partner shop prices",
    description: "Same partner shop, another endpoint and component version",
    everyMinutes: 20,
    steps: [timerStep(), rest("step_2", "Push shop prices", "https://shop.partner.example/api/prices", 3)],
    problems: [
      {
        cause: "SYSTEM_DOWNTIME",
        stepId: "step_2",
        sinceHours: 3.2,
        rate: 1,
        messages: ["Error: Code: 503 Message: Service Unavailable Body: <html>upstream connect error</html>"],
      },
    ],
  },
  {
    ...hourly,
    workspace: "acme-sandbox",
    key: "rc-sandbox-shop-stock",
    name: "Root causes: partner shop stock (sandbox)",
    description: "The same partner shop from the contract's other workspace",
    steps: [timerStep(), rest("step_2", "Read shop stock", "https://shop.partner.example/api/stock", 2)],
    problems: [
      {
        cause: "SYSTEM_DOWNTIME",
        stepId: "step_2",
        sinceHours: 3.2,
        rate: 1,
        messages: ["connect ECONNREFUSED 203.0.113.40:443"],
      },
    ],
  },
  {
    ...hourly,
    key: "rc-transient",
    name: "Root causes: one timeout",
    description: "One run timed out; the runs before and after passed",
    steps: [timerStep(), rest("step_2", "Read rates", "https://rates.acme.example/api/today", 2)],
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
  },
  {
    ...hourly,
    key: "rc-welcome",
    name: "Root causes: welcome e-mails",
    description: "Healthy",
    everyMinutes: 15,
    steps: [webhookStep("/hook/signup"), emailStep("step_2", "new-customers@acme.example")],
  },
];

const REST_V3 = `${demoComponentId("rest")}@${demoComponentVersion("rest", 3)}`;

/** The answer `rootCauses` must give for the workspace, worst first (ties in any order); nothing else. */
export const EXPECTED_ROOT_CAUSES: readonly ExpectedRootCause[] = [
  {
    kind: "COMPONENT_VERSION",
    key: REST_V3,
    flows: ["rc-upgrade-orders", "rc-upgrade-invoices", "rc-upgrade-stock"],
    healthyAlsoUsing: [],
  },
  {
    kind: "CREDENTIAL",
    key: demoCredentialId("hubspot"),
    flows: ["rc-hubspot-contacts", "rc-hubspot-deals"],
    healthyAlsoUsing: ["rc-hubspot-forms"],
  },
  {
    kind: "EXTERNAL_HOST",
    key: "shop.partner.example",
    flows: ["rc-shop-orders", "rc-shop-prices"],
    healthyAlsoUsing: [],
  },
  { kind: "CAUSE", key: "MAPPING", flows: ["rc-mapper-vat", "rc-erp-orders"], healthyAlsoUsing: [] },
];

/** The answer for the whole Acme contract: the same, with the sandbox's flow on the partner host. */
export const EXPECTED_CONTRACT_ROOT_CAUSES: readonly ExpectedRootCause[] = EXPECTED_ROOT_CAUSES.map(
  (expected) =>
    expected.kind === "EXTERNAL_HOST"
      ? { ...expected, flows: [...expected.flows, "rc-sandbox-shop-stock"] }
      : expected,
);

/** The id of a root-cause flow by its key. */
export const rootCauseFlowId = demoFlowId;

/** The built-in `rootcauses` scenario: the demo's tenants, with the flows of `ROOT_CAUSE_FLOWS` (acme-prod, one in acme-sandbox). */
export const createRootCauseScenarioFile = (nowMs: number): ScenarioFile => ({
  name: "rootcauses",
  description: "Failures that share a cause: a mapper edit, a component upgrade, a credential, a host",
  users: DEMO_USERS,
  contracts: DEMO_CONTRACTS,
  workspaces: DEMO_WORKSPACES,
  components: demoComponents(),
  credentials: DEMO_CREDENTIALS,
  dataSamples: DEMO_DATA_SAMPLES,
  flows: ROOT_CAUSE_FLOWS.map(toFlow),
  logs: ROOT_CAUSE_FLOWS.flatMap((spec) => generateHistory(spec, demoFlowId(spec.key), nowMs)),
  containerExits: ROOT_CAUSE_FLOWS.flatMap(exitsOf),
});
