import { CAUSES } from "@flowdoctor/core";
import { EmulatorError } from "../errors.js";
import { type Checker, createChecker, isRecord, type Located } from "./scenario-checker.js";
import type { ScenarioFile } from "./scenario-file.js";

const LOG_LEVELS = [10, 20, 30, 40, 50, 60];
const MAX_LISTED = 25;

interface Known {
  readonly users: Set<string>;
  readonly contracts: Set<string>;
  readonly workspaces: Set<string>;
  readonly components: Set<string>;
  /** Step ids per flow id. */
  readonly steps: Map<string, Set<string>>;
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

const checkMembers = (check: Checker, { item, path }: Located, known: Known): void => {
  for (const member of check.objects(item, path, "members")) {
    check.ref(member.item, member.path, "userId", known.users, "user");
    const roles = member.item.roles;
    if (!Array.isArray(roles) || roles.some((role) => typeof role !== "string")) {
      check.fail(`${member.path}.roles`, "must be an array of role names", roles);
    }
  }
};

const checkUsers = (check: Checker, users: readonly Located[]): void => {
  for (const { item, path } of users) {
    check.objectId(item, path, "id");
    check.string(item, path, "apiKey");
    check.string(item, path, "firstName");
    check.string(item, path, "lastName");
    check.time(item, path, "registered", true);
    check.time(item, path, "lastLogin", true);
    check.oneOf(item, path, "tenantAdmin", [true, false], true);
    if (typeof item.email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(item.email)) {
      check.fail(`${path}.email`, "must be an e-mail address", item.email);
    }
  }
  checkUnique(check, users, "id");
  checkUnique(check, users, "email");
};

const checkDirectory = (
  check: Checker,
  data: Record<string, unknown>,
  lists: Record<string, Located[]>,
  known: Known,
) => {
  checkUsers(check, lists.users ?? []);
  for (const located of lists.contracts ?? []) {
    check.objectId(located.item, located.path, "id");
    check.string(located.item, located.path, "name");
    check.oneOf(located.item, located.path, "status", ["active", "suspended", "suspending"], true);
    check.time(located.item, located.path, "createdAt", true);
    checkMembers(check, located, known);
  }
  for (const located of lists.workspaces ?? []) {
    check.objectId(located.item, located.path, "id");
    check.string(located.item, located.path, "name");
    check.ref(located.item, located.path, "contractId", known.contracts, "contract");
    check.oneOf(located.item, located.path, "type", ["full", "limited"], true);
    checkMembers(check, located, known);
  }
  if (typeof data.name !== "string" || data.name.trim() === "")
    check.fail("name", "is required and must be a non-empty string");
};

const checkComponents = (check: Checker, components: readonly Located[], known: Known): void => {
  for (const { item, path } of components) {
    check.objectId(item, path, "id");
    for (const key of ["name", "title", "teamName"]) check.string(item, path, key);
    check.oneOf(item, path, "access", ["team", "tenant", "global"], true);
    check.oneOf(item, path, "language", ["nodejs", "java"], true);
    check.ref(item, path, "contractId", known.contracts, "contract", item.access !== "team");
    const versions = check.objects(item, path, "versions");
    if (Array.isArray(item.versions) && item.versions.length === 0)
      check.fail(`${path}.versions`, "must hold at least one version");
    for (const version of versions) {
      check.sha(version.item, version.path, "id");
      check.integer(version.item, version.path, "versionNumber", 1);
      check.time(version.item, version.path, "date");
    }
  }
};

const checkCredentialsAndSamples = (check: Checker, lists: Record<string, Located[]>, known: Known): void => {
  for (const { item, path } of lists.credentials ?? []) {
    check.objectId(item, path, "id");
    check.string(item, path, "name");
    check.ref(item, path, "workspaceId", known.workspaces, "workspace");
    check.ref(item, path, "componentId", known.components, "component");
    check.ref(item, path, "userId", known.users, "user");
    if (!isRecord(item.keys)) check.fail(`${path}.keys`, "is required and must be an object", item.keys);
    if (
      item.verification !== undefined &&
      (!isRecord(item.verification) || typeof item.verification.verified !== "boolean")
    ) {
      check.fail(`${path}.verification`, "must be { verified: boolean, reason?: string }", item.verification);
    }
  }
  for (const { item, path } of lists.dataSamples ?? []) {
    check.objectId(item, path, "id");
    check.ref(item, path, "workspaceId", known.workspaces, "workspace");
    check.ref(item, path, "componentId", known.components, "component");
    check.string(item, path, "method");
    if (item.result === undefined) check.fail(`${path}.result`, "is required");
  }
};

const checkGraph = (check: Checker, { item, path }: Located, known: Known): Set<string> => {
  const graph = item.graph;
  if (!isRecord(graph)) {
    check.fail(`${path}.graph`, "is required and must be { nodes: [...], edges: [...] }", graph);
    return new Set();
  }
  const nodes = check.objects(graph, `${path}.graph`, "nodes");
  if (nodes.length === 0) check.fail(`${path}.graph.nodes`, "must hold at least one step");
  for (const node of nodes) {
    check.string(node.item, node.path, "id");
    check.string(node.item, node.path, "command");
    check.ref(node.item, node.path, "component_id", known.components, "component");
  }
  const steps = idsOf(nodes);
  for (const edge of check.objects(graph, `${path}.graph`, "edges")) {
    if (edge.item.source !== null) check.ref(edge.item, edge.path, "source", steps, "step of this flow");
    check.ref(edge.item, edge.path, "target", steps, "step of this flow");
  }
  return steps;
};

const checkFlow = (check: Checker, located: Located, known: Known): void => {
  const { item, path } = located;
  check.objectId(item, path, "id");
  check.string(item, path, "name");
  check.ref(item, path, "workspaceId", known.workspaces, "workspace");
  check.ref(item, path, "userId", known.users, "user");
  check.oneOf(item, path, "type", ["ordinary", "long_running"], true);
  check.oneOf(item, path, "status", ["active", "inactive", "suspended"]);
  for (const key of ["createdAt"]) check.time(item, path, key);
  for (const key of ["updatedAt", "lastStartTime", "dueExecution"]) check.time(item, path, key, true);
  const steps = checkGraph(check, located, known);
  for (const version of check.objects(item, path, "versions", true)) {
    check.sha(version.item, version.path, "id");
    check.time(version.item, version.path, "createdAt");
  }
  for (const stat of check.objects(item, path, "queueStats", true)) {
    check.ref(stat.item, stat.path, "stepId", steps, "step of this flow");
    for (const key of ["total", "ready", "unacked", "rebounds"]) check.integer(stat.item, stat.path, key, 0);
  }
  for (const expected of check.objects(item, path, "expected", true)) {
    check.oneOf(expected.item, expected.path, "cause", CAUSES);
    check.ref(expected.item, expected.path, "stepId", steps, "step of this flow", true);
  }
  if (typeof item.id === "string") known.steps.set(item.id, steps);
};

const checkFlowEvents = (check: Checker, lists: Record<string, Located[]>, known: Known): void => {
  const flowIds = new Set(known.steps.keys());
  const stepOf = ({ item, path }: Located): void => {
    check.ref(item, path, "flowId", flowIds, "flow");
    const steps = known.steps.get(String(item.flowId));
    if (steps) check.ref(item, path, "stepId", steps, "step of that flow");
    check.time(item, path, "at");
  };
  for (const located of lists.logs ?? []) {
    stepOf(located);
    check.oneOf(located.item, located.path, "level", LOG_LEVELS);
    if (typeof located.item.message !== "string")
      check.fail(`${located.path}.message`, "is required and must be a string");
  }
  for (const located of lists.containerExits ?? []) {
    stepOf(located);
    check.oneOf(located.item, located.path, "state", ["Finished", "Killed", "Failed"]);
    check.integer(located.item, located.path, "exitCode", 0);
    check.string(located.item, located.path, "reason");
  }
};

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

/** Checks a scenario file; throws `EMULATOR_INVALID_SCENARIO` listing the problems, each naming the field and the rule. */
export const validateScenarioFile = (data: unknown, label: string): ScenarioFile => {
  if (!isRecord(data))
    throw new EmulatorError("EMULATOR_INVALID_SCENARIO", `${label}: a scenario must be a JSON object`);
  const check = createChecker();
  const lists = Object.fromEntries(
    LISTS.map((key) => [key, check.objects(data, "", key, !REQUIRED.has(key))]),
  );
  const known: Known = {
    users: idsOf(lists.users ?? []),
    contracts: idsOf(lists.contracts ?? []),
    workspaces: idsOf(lists.workspaces ?? []),
    components: idsOf(lists.components ?? []),
    steps: new Map(),
  };
  checkDirectory(check, data, lists, known);
  checkComponents(check, lists.components ?? [], known);
  checkCredentialsAndSamples(check, lists, known);
  for (const flow of lists.flows ?? []) checkFlow(check, flow, known);
  checkFlowEvents(check, lists, known);
  for (const key of ["contracts", "workspaces", "components", "credentials", "dataSamples", "flows"]) {
    checkUnique(check, lists[key] ?? [], "id");
  }
  if (check.problems.length === 0) return data as unknown as ScenarioFile;
  const listed = check.problems.slice(0, MAX_LISTED).map((problem) => `  - ${problem}`);
  const more =
    check.problems.length > MAX_LISTED ? [`  … and ${check.problems.length - MAX_LISTED} more`] : [];
  throw new EmulatorError(
    "EMULATOR_INVALID_SCENARIO",
    `${label}: ${check.problems.length} problem(s) in the scenario:\n${[...listed, ...more].join("\n")}`,
  );
};
