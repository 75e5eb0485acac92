import { objectIdFor, shaFor } from "../scenario/ids.js";
import type { ScenarioComponentFile } from "../scenario/scenario-file.js";

interface DemoComponentSpec {
  readonly key: string;
  readonly repo: string;
  readonly title: string;
  readonly team: string;
  readonly sailor: string;
  readonly language?: "nodejs" | "java";
  readonly access?: "team" | "tenant" | "global";
  readonly contract?: string;
  readonly triggers?: readonly string[];
  readonly actions?: readonly string[];
  readonly credentialFields?: ScenarioComponentFile["credentialFields"];
}

const SPECS: readonly DemoComponentSpec[] = [
  { key: "timer", repo: "timer", title: "Timer", team: "elasticio", sailor: "2.7.8", triggers: ["timer"] },
  {
    key: "webhook",
    repo: "webhook",
    title: "Webhook",
    team: "elasticio",
    sailor: "2.7.8",
    triggers: ["receive"],
  },
  {
    key: "rest",
    repo: "rest-api-component-v2",
    title: "REST API V2",
    team: "elasticio",
    sailor: "2.7.8",
    actions: ["httpRequestAction"],
    triggers: ["httpRequestTrigger"],
    credentialFields: { auth: { label: "Authorization type", required: true, viewClass: "HTTPAuthView" } },
  },
  {
    key: "salesforce",
    repo: "salesforce-component-v2",
    title: "Salesforce v2",
    team: "elasticio",
    sailor: "2.7.8",
    actions: ["upsert", "createObject", "lookupObject"],
    credentialFields: { oauth: { label: "Authentication", required: true, viewClass: "OAuthFieldView" } },
  },
  {
    key: "hubspot",
    repo: "hubspot-component",
    title: "HubSpot",
    team: "elasticio",
    sailor: "2.7.2",
    triggers: ["getContacts"],
    actions: ["upsertContact"],
    credentialFields: {
      apiKey: { label: "Private app access token", required: true, viewClass: "PasswordFieldView" },
    },
  },
  {
    key: "postgresql",
    repo: "postgresql-component",
    title: "PostgreSQL",
    team: "elasticio",
    sailor: "2.6.29",
    actions: ["selectQuery", "upsert", "executeQuery"],
    triggers: ["selectTrigger"],
    credentialFields: { conString: { label: "Connection URI", required: true, viewClass: "TextFieldView" } },
  },
  {
    key: "jsonata",
    repo: "jsonata",
    title: "JSONata Transformation",
    team: "elasticio",
    sailor: "2.7.8",
    actions: ["transform"],
  },
  {
    key: "email",
    repo: "email",
    title: "E-Mail",
    team: "elasticio",
    sailor: "2.7.8",
    actions: ["send"],
  },
  {
    key: "sftp",
    repo: "sftp-component",
    title: "SFTP",
    team: "elasticio",
    sailor: "2.7.1",
    actions: ["upload", "download"],
    triggers: ["poll"],
    credentialFields: { host: { label: "Host", required: true, viewClass: "TextFieldView" } },
  },
  {
    key: "amqp",
    repo: "amqp-component",
    title: "AMQP",
    team: "elasticio",
    sailor: "2.6.21",
    actions: ["publish"],
    triggers: ["consume"],
  },
  {
    key: "zendesk",
    repo: "acme-zendesk-connector",
    title: "Acme Zendesk Connector",
    team: "acme-integrations",
    sailor: "2.6.14",
    access: "team",
    contract: "acme",
    actions: ["upsertTicket"],
  },
  {
    key: "edi",
    repo: "partner-edi-bridge",
    title: "Partner EDI Bridge",
    team: "acme-integrations",
    sailor: "3.4.1",
    language: "java",
    access: "team",
    contract: "acme",
    actions: ["submitDocument"],
  },
];

/** The git revision of a demo component's version 1, 2 or 3 (3 is the latest). */
export const demoComponentVersion = (key: string, number: number): string =>
  shaFor(`demo:component:${key}:v${number}`);

/** The id of a demo component by its key, e.g. `rest`. */
export const demoComponentId = (key: string): string => objectIdFor(`demo:component:${key}`);

const named = (names: readonly string[] | undefined): Record<string, { title: string }> | undefined =>
  names === undefined ? undefined : Object.fromEntries(names.map((name) => [name, { title: name }]));

const toComponent = (spec: DemoComponentSpec): ScenarioComponentFile => {
  const triggers = named(spec.triggers);
  const actions = named(spec.actions);
  return {
    id: demoComponentId(spec.key),
    name: spec.repo,
    title: spec.title,
    description: `${spec.title} component`,
    teamName: spec.team,
    access: spec.access ?? "global",
    ...(spec.contract === undefined ? {} : { contractId: objectIdFor(`demo:contract:${spec.contract}`) }),
    language: spec.language ?? "nodejs",
    sailorVersion: spec.sailor,
    versions: [1, 2, 3].map((number) => ({
      id: demoComponentVersion(spec.key, number),
      versionNumber: number,
      date: `-${(4 - number) * 40}d`,
    })),
    ...(triggers === undefined ? {} : { triggers }),
    ...(actions === undefined ? {} : { actions }),
    ...(spec.credentialFields === undefined ? {} : { credentialFields: spec.credentialFields }),
  };
};

/** The demo's components: platform connectors plus two custom components of Acme's team. */
export const demoComponents = (): ScenarioComponentFile[] => SPECS.map(toComponent);

/** `team/repo` of a demo component, for step commands. */
export const demoComponentRepo = (key: string): string => {
  const spec = SPECS.find((candidate) => candidate.key === key);
  return spec ? `${spec.team}/${spec.repo}` : `elasticio/${key}`;
};
