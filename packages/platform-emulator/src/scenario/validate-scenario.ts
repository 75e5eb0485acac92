import { CAUSES } from "@flowdoctor/core";
import { EmulatorError } from "../errors.js";
import { type Checker, createChecker, isRecord, type Located } from "./scenario-checker.js";
import type { ScenarioFile } from "./scenario-file.js";
import { schemaProblems } from "./schema-problems.js";

const LOG_LEVELS = [10, 20, 30, 40, 50, 60];
const MAX_LISTED = 25;
const LISTS = [
  "users",
  "contracts",
  "workspaces",
  "components",
  "credentials",
  "dataSamples",
  "flows",
  "logs",
  "containerExits",
];
const REQUIRED = new Set(["users", "contracts", "workspaces"]);

type Lists = Readonly<Record<string, readonly Located[]>>;

interface Known {
  readonly users: Set<string>;
  readonly contracts: Set<string>;
  readonly workspaces: Set<string>;
  readonly components: Set<string>;
  /** Step ids per flow id, filled as flows are checked. */
  readonly steps: Map<string, Set<string>>;
  readonly flows: Set<string>;
}

const idsOf = (items: readonly Located[]): Set<string> =>
  new Set(items.map(({ item }) => item.id).filter((id): id is string => typeof id === "string"));

const checkUnique = (check: Checker, items: readonly Located[], key: string): void => {
  const seen = new Map<unknown, string>();
  for (const { item, path } of items) {
    const value = typeof item[key] === "string" ? (item[key] as string).toLowerCase() : item[key];
    if (value === undefined) continue;
    const first = seen.get(value);
    if (first) check.fail(`${path}.${key}`, `must be unique; ${first} has the same`, item[key]);
    else seen.set(value, path);
  }
};

const checkMembers = (check: Checker, located: Located, known: Known): void => {
  for (const member of check.at(located).objects("members")) {
    check.at(member).ref("userId", { known: known.users, what: "user" });
    const roles = member.item.roles;
    if (!Array.isArray(roles) || roles.some((role) => typeof role !== "string")) {
      check.fail(`${member.path}.roles`, "must be an array of role names", roles);
    }
  }
};

const checkUsers = (check: Checker, users: readonly Located[]): void => {
  for (const located of users) {
    const fields = check.at(located);
    fields.objectId("id");
    for (const key of ["apiKey", "firstName", "lastName"]) fields.string(key);
    fields.string("description", true);
    fields.time("registered", true);
    fields.time("lastLogin", true);
    fields.oneOf("tenantAdmin", { allowed: [true, false], optional: true });
    const email = located.item.email;
    if (typeof email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(email)) {
      check.fail(`${located.path}.email`, "must be an e-mail address", email);
    }
  }
  checkUnique(check, users, "id");
  checkUnique(check, users, "email");
};

const checkDirectory = (check: Checker, lists: Lists, known: Known): void => {
  checkUsers(check, lists.users ?? []);
  for (const located of lists.contracts ?? []) {
    const fields = check.at(located);
    fields.objectId("id");
    fields.string("name");
    fields.oneOf("status", { allowed: ["active", "suspended", "suspending"], optional: true });
    fields.time("createdAt", true);
    checkMembers(check, located, known);
  }
  for (const located of lists.workspaces ?? []) {
    const fields = check.at(located);
    fields.objectId("id");
    fields.string("name");
    fields.ref("contractId", { known: known.contracts, what: "contract" });
    fields.oneOf("type", { allowed: ["full", "limited"], optional: true });
    checkMembers(check, located, known);
  }
};

const checkComponents = (check: Checker, components: readonly Located[], known: Known): void => {
  for (const located of components) {
    const fields = check.at(located);
    fields.objectId("id");
    for (const key of ["name", "title", "teamName"]) fields.string(key);
    fields.oneOf("access", { allowed: ["team", "tenant", "global"], optional: true });
    fields.oneOf("language", { allowed: ["nodejs", "java"], optional: true });
    const optional = located.item.access !== "team";
    fields.ref("contractId", { known: known.contracts, what: "contract", optional });
    const versions = fields.objects("versions");
    if (Array.isArray(located.item.versions) && located.item.versions.length === 0) {
      check.fail(`${located.path}.versions`, "must hold at least one version");
    }
    for (const version of versions) {
      const versionFields = check.at(version);
      versionFields.sha("id");
      versionFields.integer("versionNumber", 1);
      versionFields.time("date");
    }
  }
};

const checkCredentials = (check: Checker, credentials: readonly Located[], known: Known): void => {
  for (const located of credentials) {
    const fields = check.at(located);
    fields.objectId("id");
    fields.string("name");
    fields.ref("workspaceId", { known: known.workspaces, what: "workspace" });
    fields.ref("componentId", { known: known.components, what: "component" });
    fields.ref("userId", { known: known.users, what: "user" });
    const { keys, verification } = located.item;
    if (!isRecord(keys)) check.fail(`${located.path}.keys`, "is required and must be an object", keys);
    if (
      verification !== undefined &&
      (!isRecord(verification) || typeof verification.verified !== "boolean")
    ) {
      check.fail(
        `${located.path}.verification`,
        "must be { verified: boolean, reason?: string }",
        verification,
      );
    }
  }
};

const checkSamples = (check: Checker, samples: readonly Located[], known: Known): void => {
  for (const located of samples) {
    const fields = check.at(located);
    fields.objectId("id");
    fields.ref("workspaceId", { known: known.workspaces, what: "workspace" });
    fields.ref("componentId", { known: known.components, what: "component" });
    fields.string("method");
    if (located.item.result === undefined) check.fail(`${located.path}.result`, "is required");
  }
};

const checkGraph = (check: Checker, located: Located, known: Known): Set<string> => {
  const graph = located.item.graph;
  const at = `${located.path}.graph`;
  if (!isRecord(graph)) {
    check.fail(at, "is required and must be { nodes: [...], edges: [...] }", graph);
    return new Set();
  }
  const nodes = check.at({ item: graph, path: at }).objects("nodes");
  if (nodes.length === 0) check.fail(`${at}.nodes`, "must hold at least one step");
  for (const node of nodes) {
    const fields = check.at(node);
    fields.string("id");
    fields.string("command");
    fields.ref("component_id", { known: known.components, what: "component" });
  }
  const steps = idsOf(nodes);
  const stepRule = { known: steps, what: "step of this flow" };
  for (const edge of check.at({ item: graph, path: at }).objects("edges")) {
    if (edge.item.source !== null) check.at(edge).ref("source", stepRule);
    check.at(edge).ref("target", stepRule);
  }
  return steps;
};

const checkFlowLists = (check: Checker, located: Located, steps: Set<string>): void => {
  const fields = check.at(located);
  const stepRule = { known: steps, what: "step of this flow" };
  for (const version of fields.objects("versions", true)) {
    check.at(version).sha("id");
    check.at(version).time("createdAt");
  }
  for (const stat of fields.objects("queueStats", true)) {
    check.at(stat).ref("stepId", stepRule);
    for (const key of ["total", "ready", "unacked", "rebounds"]) check.at(stat).integer(key, 0);
  }
  for (const expected of fields.objects("expected", true)) {
    check.at(expected).oneOf("cause", { allowed: CAUSES });
    check.at(expected).ref("stepId", { ...stepRule, optional: true });
  }
};

const checkFlow = (check: Checker, located: Located, known: Known): void => {
  const fields = check.at(located);
  fields.objectId("id");
  fields.string("name");
  fields.ref("workspaceId", { known: known.workspaces, what: "workspace" });
  fields.ref("userId", { known: known.users, what: "user" });
  fields.oneOf("type", { allowed: ["ordinary", "long_running"], optional: true });
  fields.oneOf("status", { allowed: ["active", "inactive", "suspended"] });
  fields.time("createdAt");
  for (const key of ["updatedAt", "lastStartTime", "dueExecution"]) fields.time(key, true);
  const steps = checkGraph(check, located, known);
  checkFlowLists(check, located, steps);
  for (const version of check.at(located).objects("versions", true)) {
    if (version.item.graph !== undefined) checkGraph(check, version, known);
  }
  if (typeof located.item.id === "string") {
    known.steps.set(located.item.id, steps);
    known.flows.add(located.item.id);
  }
};

/** Flow, step and time of a log entry or container exit. */
const checkFlowEvent = (check: Checker, located: Located, known: Known): void => {
  const fields = check.at(located);
  fields.ref("flowId", { known: known.flows, what: "flow" });
  const steps = known.steps.get(String(located.item.flowId));
  if (steps) fields.ref("stepId", { known: steps, what: "step of that flow" });
  fields.time("at");
};

const checkFlowEvents = (check: Checker, lists: Lists, known: Known): void => {
  for (const located of lists.logs ?? []) {
    checkFlowEvent(check, located, known);
    check.at(located).oneOf("level", { allowed: LOG_LEVELS });
    if (typeof located.item.message !== "string")
      check.fail(`${located.path}.message`, "is required and must be a string");
  }
  for (const located of lists.containerExits ?? []) {
    checkFlowEvent(check, located, known);
    const fields = check.at(located);
    fields.oneOf("state", { allowed: ["Finished", "Killed", "Failed"] });
    fields.integer("exitCode", 0);
    fields.string("reason");
  }
};

const knownOf = (lists: Lists): Known => ({
  users: idsOf(lists.users ?? []),
  contracts: idsOf(lists.contracts ?? []),
  workspaces: idsOf(lists.workspaces ?? []),
  components: idsOf(lists.components ?? []),
  steps: new Map(),
  flows: new Set(),
});

const report = (label: string, problems: readonly string[]): EmulatorError => {
  const listed = problems.slice(0, MAX_LISTED).map((problem) => `  - ${problem}`);
  const more = problems.length > MAX_LISTED ? [`  … and ${problems.length - MAX_LISTED} more`] : [];
  return new EmulatorError(
    "EMULATOR_INVALID_SCENARIO",
    `${label}: ${problems.length} problem(s) in the scenario:\n${[...listed, ...more].join("\n")}`,
  );
};

/** Whether a hand-written problem already names `path` or a field inside it. */
const reportedIn =
  (problems: readonly string[]) =>
  (path: string): boolean =>
    problems.some(
      (problem) =>
        problem.startsWith(`${path}:`) || problem.startsWith(`${path}.`) || problem.startsWith(`${path}[`),
    );

/**
 * Checks a scenario file against `scenario.schema.json` (ajv) and then by hand for what a schema cannot say
 * (references between entities, unique ids, steps of the right flow); throws `EMULATOR_INVALID_SCENARIO` listing the
 * problems, each naming the field and the rule.
 */
export const validateScenarioFile = (data: unknown, label: string): ScenarioFile => {
  if (!isRecord(data))
    throw new EmulatorError("EMULATOR_INVALID_SCENARIO", `${label}: a scenario must be a JSON object`);
  const check = createChecker();
  const root = check.at({ item: data, path: "" });
  root.string("name");
  const lists: Lists = Object.fromEntries(LISTS.map((key) => [key, root.objects(key, !REQUIRED.has(key))]));
  const known = knownOf(lists);
  checkDirectory(check, lists, known);
  checkComponents(check, lists.components ?? [], known);
  checkCredentials(check, lists.credentials ?? [], known);
  checkSamples(check, lists.dataSamples ?? [], known);
  for (const flow of lists.flows ?? []) checkFlow(check, flow, known);
  checkFlowEvents(check, lists, known);
  for (const key of ["contracts", "workspaces", "components", "credentials", "dataSamples", "flows"]) {
    checkUnique(check, lists[key] ?? [], "id");
  }
  const problems = [...check.problems, ...schemaProblems(data, reportedIn(check.problems))];
  if (problems.length > 0) throw report(label, problems);
  return data as unknown as ScenarioFile;
};
