import { objectIdFor } from "../scenario/ids.js";
import type {
  ScenarioContractFile,
  ScenarioCredentialFile,
  ScenarioDataSampleFile,
  ScenarioUserFile,
  ScenarioWorkspaceFile,
} from "../scenario/scenario-file.js";
import { demoComponentId } from "./demo-components.js";

/** The id of a demo user by key (`alice`, `bob`, `gina`, `carl`, `tess`). */
export const demoUserId = (key: string): string => objectIdFor(`demo:user:${key}`);
/** The id of a demo contract by key (`acme`, `globex`, `initech`). */
export const demoContractId = (key: string): string => objectIdFor(`demo:contract:${key}`);
/** The id of a demo workspace by key (`acme-prod`, `acme-sandbox`, `globex-prod`, `initech-prod`). */
export const demoWorkspaceId = (key: string): string => objectIdFor(`demo:workspace:${key}`);
/** The id of a demo credential by key. */
export const demoCredentialId = (key: string): string => objectIdFor(`demo:credential:${key}`);
/** The id of a demo data sample by key. */
export const demoSampleId = (key: string): string => objectIdFor(`demo:sample:${key}`);

/**
 * The demo's users. Their API keys are fixed so documentation and tests can quote them:
 * Alice (Acme owner, also admin of the suspended Initech contract), Bob (Globex, another tenant),
 * Gina (guest in Acme Production: may read, not toggle or read logs), Carl (Acme integrator),
 * Tess (tenant admin: lists users, all components and every workspace's stats; member of nothing).
 */
export const DEMO_USERS: readonly ScenarioUserFile[] = [
  {
    id: demoUserId("alice"),
    description:
      "Owner of Acme Retail: sees every Acme workspace with its flows, logs and errors, and files tickets. Also admin of the suspended Initech contract.",
    email: "alice@acme.example",
    apiKey: "4d6f7c2a-1b3e-4f5a-8c9d-0e1f2a3b4c5d",
    firstName: "Alice",
    lastName: "Berger",
    company: "Acme Retail GmbH",
    registered: "-400d",
    lastLogin: "-2h",
  },
  {
    id: demoUserId("bob"),
    description:
      "Another tenant (Globex Logistics): sees only Globex; Acme's flows, errors and tickets are hidden from him.",
    email: "bob@globex.example",
    apiKey: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
    firstName: "Bob",
    lastName: "Novak",
    company: "Globex Logistics",
    registered: "-300d",
    lastLogin: "-1d",
  },
  {
    id: demoUserId("gina"),
    description:
      "Guest in Acme Production: may read its flows and queues, but not its logs, so its errors and diagnoses stay closed.",
    email: "gina@acme.example",
    apiKey: "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b",
    firstName: "Gina",
    lastName: "Gast",
    company: "Acme Retail GmbH",
    registered: "-60d",
    lastLogin: "-3d",
  },
  {
    id: demoUserId("carl"),
    description: "Integrator (member) in Acme: builds and runs Acme's flows and reads their logs and errors.",
    email: "carl@acme.example",
    apiKey: "7e6d5c4b-3a29-4817-9f6e-5d4c3b2a1908",
    firstName: "Carl",
    lastName: "Koch",
    company: "Acme Retail GmbH",
    registered: "-250d",
    lastLogin: "-5h",
  },
  {
    id: demoUserId("tess"),
    description:
      "Tenant admin: lists users, all components and every workspace's stats, but is a member of no workspace.",
    email: "tess@tenant.example",
    apiKey: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
    firstName: "Tess",
    lastName: "Admin",
    company: "Tenant operations",
    registered: "-900d",
    lastLogin: "-6h",
    tenantAdmin: true,
  },
];

const member = (user: string, ...roles: string[]) => ({ userId: demoUserId(user), roles });

/** Acme (active), Globex (another tenant) and Initech (suspended). */
export const DEMO_CONTRACTS: readonly ScenarioContractFile[] = [
  {
    id: demoContractId("acme"),
    name: "Acme Retail GmbH",
    status: "active",
    supportUserId: objectIdFor("demo:user:support"),
    createdAt: "-420d",
    updatedAt: "-20d",
    featureFlags: { subscribe_to_error_by_default: true },
    members: [member("alice", "owner"), member("carl", "member"), member("gina", "member")],
  },
  {
    id: demoContractId("globex"),
    name: "Globex Logistics",
    createdAt: "-310d",
    members: [member("bob", "owner")],
  },
  {
    id: demoContractId("initech"),
    name: "Initech Payroll Services",
    status: "suspended",
    createdAt: "-500d",
    updatedAt: "-2d",
    members: [member("alice", "admin")],
  },
];

/** Acme Production (full), Acme Sandbox (limited), Globex Integrations, Initech Production. */
export const DEMO_WORKSPACES: readonly ScenarioWorkspaceFile[] = [
  {
    id: demoWorkspaceId("acme-prod"),
    name: "Acme Production",
    contractId: demoContractId("acme"),
    type: "full",
    members: [member("alice", "owner"), member("carl", "integrator"), member("gina", "guest")],
  },
  {
    id: demoWorkspaceId("acme-sandbox"),
    name: "Acme Sandbox",
    contractId: demoContractId("acme"),
    type: "limited",
    members: [member("alice", "owner"), member("carl", "integrator")],
  },
  {
    id: demoWorkspaceId("globex-prod"),
    name: "Globex Integrations",
    contractId: demoContractId("globex"),
    type: "full",
    members: [member("bob", "owner")],
  },
  {
    id: demoWorkspaceId("initech-prod"),
    name: "Initech Production",
    contractId: demoContractId("initech"),
    type: "full",
    members: [member("alice", "admin")],
  },
];

interface DemoCredential {
  readonly key: string;
  readonly name: string;
  readonly workspace: string;
  readonly component: string;
  readonly keys: Readonly<Record<string, unknown>>;
  readonly verification?: ScenarioCredentialFile["verification"];
}

const credential = ({
  key,
  name,
  workspace,
  component,
  keys,
  verification,
}: DemoCredential): ScenarioCredentialFile => ({
  id: demoCredentialId(key),
  name,
  workspaceId: demoWorkspaceId(workspace),
  componentId: demoComponentId(component),
  userId: demoUserId(workspace.startsWith("globex") ? "bob" : "alice"),
  keys,
  ...(verification === undefined ? {} : { verification }),
});

/** The demo's credentials; HubSpot's fails verification with a reason. */
export const DEMO_CREDENTIALS: readonly ScenarioCredentialFile[] = [
  credential({
    key: "hubspot",
    name: "HubSpot marketing portal",
    workspace: "acme-prod",
    component: "hubspot",
    keys: { apiKey: "pat-eu1-0000-expired" },
    verification: {
      verified: false,
      reason: "HubSpot answered 401 Unauthorized: the private app access token is expired or was revoked",
    },
  }),
  credential({
    key: "salesforce",
    name: "Salesforce production org",
    workspace: "acme-prod",
    component: "salesforce",
    keys: { oauth: { instance: "acme.my.salesforce.com" } },
  }),
  credential({
    key: "postgres",
    name: "Acme warehouse database",
    workspace: "acme-prod",
    component: "postgresql",
    keys: { conString: "postgresql://integration@db.acme.example:5432/warehouse" },
  }),
  credential({
    key: "erp",
    name: "ERP REST (basic auth)",
    workspace: "acme-prod",
    component: "rest",
    keys: { auth: { type: "Basic Auth", username: "svc-elastic" } },
  }),
  credential({
    key: "sftp",
    name: "Document archive SFTP",
    workspace: "acme-prod",
    component: "sftp",
    keys: { host: "sftp.acme.example" },
  }),
  credential({
    key: "carrier",
    name: "Carrier API key",
    workspace: "globex-prod",
    component: "rest",
    keys: { auth: { type: "API Key Auth", headerName: "X-Api-Key" } },
  }),
];

/** Samples used for mapping; the Shopify one no longer has the field its mapper reads. */
export const DEMO_DATA_SAMPLES: readonly ScenarioDataSampleFile[] = [
  {
    id: demoSampleId("shopify-order"),
    workspaceId: demoWorkspaceId("acme-prod"),
    componentId: demoComponentId("webhook"),
    userId: demoUserId("alice"),
    method: "receive",
    // The shop renamed customer.email_address to customer.email; the mapper still reads the old field.
    result: {
      id: 5_531_209_117,
      name: "#10428",
      total_price: "129.90",
      currency: "EUR",
      customer: { id: 7_712_301, first_name: "Jana", last_name: "Wolf", email: "jana.wolf@example.com" },
      line_items: [{ sku: "TSHIRT-BLK-M", quantity: 2, price: "39.95" }],
    },
  },
  {
    id: demoSampleId("erp-order-status"),
    workspaceId: demoWorkspaceId("acme-prod"),
    componentId: demoComponentId("rest"),
    userId: demoUserId("carl"),
    method: "httpRequestAction",
    result: {
      statusCode: 200,
      headers: { "content-type": "application/json" },
      body: {
        orderId: "SO-20931",
        status: "SHIPPED",
        carrier: "DHL",
        trackingNumber: "00340434161094042557",
      },
    },
  },
  {
    id: demoSampleId("customer-row"),
    workspaceId: demoWorkspaceId("acme-prod"),
    componentId: demoComponentId("postgresql"),
    userId: demoUserId("carl"),
    method: "selectQuery",
    result: {
      customer_id: 88231,
      first_name: "Jonas",
      last_name: "Meyer",
      email: "j.meyer@example.com",
      loyalty_points: "1200",
    },
  },
];
