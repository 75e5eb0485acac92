import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

// `src/scenario/` and `dist/scenario/` both sit two folders below the package root, where the schema ships.
const SCHEMA_URL = new URL("../../scenario.schema.json", import.meta.url);

let validate: ValidateFunction | undefined;

// Compiled on first use: loading the emulator for the demo scenario never needs it.
const compiled = (): ValidateFunction => {
  validate ??= new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as object,
  );
  return validate;
};

/** `/flows/0/graph/nodes/1/id` → `flows[0].graph.nodes[1].id`, the loader's own way of naming a field. */
const pathOf = (pointer: string): string =>
  pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce(
      (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === "" ? part : `${path}.${part}`),
      "",
    );

const problemOf = (error: ErrorObject): { path: string; problem: string } => {
  const missing =
    error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : "";
  const path = [pathOf(error.instancePath), missing].filter((part) => part !== "").join(".");
  const rule = error.keyword === "required" ? "is required" : (error.message ?? error.keyword);
  return {
    path: path === "" ? "(file)" : path,
    problem: `${path === "" ? "(file)" : path}: ${rule} (scenario.schema.json)`,
  };
};

/**
 * What `scenario.schema.json` finds wrong with a scenario, one line per field in the loader's `path: rule` form,
 * skipping fields whose path `alreadyReported` says the hand-written checks named (their messages say more).
 */
export const schemaProblems = (data: unknown, alreadyReported: (path: string) => boolean): string[] => {
  const check = compiled();
  if (check(data)) return [];
  const problems = new Map<string, string>();
  for (const error of check.errors ?? []) {
    const { path, problem } = problemOf(error);
    if (!alreadyReported(path) && !problems.has(path)) problems.set(path, problem);
  }
  return [...problems.values()];
};
