import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createDemoScenarioFile } from "../demo/demo-scenario.js";
import { createHealthScenarioFile } from "../demo/health-scenario.js";
import { createRootCauseScenarioFile } from "../demo/rootcause-scenario.js";
import { createVerdictScenarioFile } from "../demo/verdict-scenario.js";
import { EmulatorError } from "../errors.js";
import { resolveScenario } from "./resolve-scenario.js";
import type { Scenario } from "./scenario.js";
import type { ScenarioFile } from "./scenario-file.js";
import { validateScenarioFile } from "./validate-scenario.js";

/** Where a scenario comes from: `"demo"`, `"verdicts"`, `"rootcauses"`, `"health"`, a path to a `.json` file or a module exporting `scenario`, or the data itself. */
export type ScenarioSource = "demo" | "verdicts" | "rootcauses" | "health" | string | ScenarioFile;

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** Why a module could not be imported, in words a person can act on. */
const moduleLoadError = (path: string, error: unknown): EmulatorError => {
  const code = errorCode(error);
  if (code === "ERR_MODULE_NOT_FOUND" || code === "ENOENT") {
    return new EmulatorError("EMULATOR_SCENARIO_NOT_FOUND", `${path}: cannot read the scenario file`, {
      cause: error,
    });
  }
  if (code === "ERR_UNKNOWN_FILE_EXTENSION") {
    return new EmulatorError(
      "EMULATOR_INVALID_SCENARIO",
      `${path}: this Node cannot load ${extname(path)} modules; run under tsx (e.g. \`tsx node_modules/.bin/flowdoctor-emulator\`) or use a .json or .js scenario`,
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new EmulatorError("EMULATOR_INVALID_SCENARIO", `${path}: cannot load the module (${reason})`, {
    cause: error,
  });
};

const readModule = async (path: string): Promise<unknown> => {
  let module: { scenario?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { scenario?: unknown };
  } catch (error) {
    throw moduleLoadError(path, error);
  }
  if (module.scenario === undefined) {
    throw new EmulatorError(
      "EMULATOR_INVALID_SCENARIO",
      `${path}: the module must export a \`scenario\` object`,
    );
  }
  return module.scenario;
};

const readJson = async (path: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new EmulatorError("EMULATOR_SCENARIO_NOT_FOUND", `${path}: cannot read the scenario file`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EmulatorError(
      "EMULATOR_INVALID_SCENARIO",
      `${path}: not valid JSON (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
};

const readSource = async (path: string): Promise<unknown> => {
  const absolute = resolve(path);
  return extname(absolute) === ".json" ? readJson(absolute) : readModule(absolute);
};

/**
 * Loads a scenario and resolves its times against `now`. Files are validated; errors name the file, the field and the rule.
 * @throws EmulatorError `EMULATOR_SCENARIO_NOT_FOUND` or `EMULATOR_INVALID_SCENARIO`
 */
export const loadScenario = async (
  source: ScenarioSource,
  options: { now?: Date } = {},
): Promise<Scenario> => {
  const nowMs = (options.now ?? new Date()).getTime();
  if (source === "demo") return resolveScenario(createDemoScenarioFile(nowMs), nowMs);
  if (source === "verdicts") return resolveScenario(createVerdictScenarioFile(nowMs), nowMs);
  if (source === "rootcauses") return resolveScenario(createRootCauseScenarioFile(nowMs), nowMs);
  if (source === "health") return resolveScenario(createHealthScenarioFile(nowMs), nowMs);
  const data = typeof source === "string" ? await readSource(source) : source;
  const label = typeof source === "string" ? source : "scenario";
  return resolveScenario(validateScenarioFile(data, label), nowMs);
};
