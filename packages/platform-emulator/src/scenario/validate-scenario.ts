import { EmulatorError } from "../errors.js";
import type { ScenarioFile } from "./scenario-file.js";

/** Checks a scenario file's shape; throws `EMULATOR_INVALID_SCENARIO` listing every problem (field and rule). */
export const validateScenarioFile = (data: unknown, label: string): ScenarioFile => {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new EmulatorError("EMULATOR_INVALID_SCENARIO", `${label}: a scenario must be a JSON object`);
  }
  return data as ScenarioFile;
};
