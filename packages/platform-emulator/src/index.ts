export type { HealthFlowSpec } from "./demo/health-scenario.js";
export { HEALTH_FLOWS, healthFlowId } from "./demo/health-scenario.js";
export { randomVerdictFlows } from "./demo/random-verdict-flows.js";
export type { ExpectedRootCause } from "./demo/rootcause-scenario.js";
export {
  EXPECTED_CONTRACT_ROOT_CAUSES,
  EXPECTED_ROOT_CAUSES,
  ROOT_CAUSE_FLOWS,
  rootCauseFlowId,
} from "./demo/rootcause-scenario.js";
export type { VerdictFlowSpec } from "./demo/verdict-scenario.js";
export { createVerdictScenarioFile, VERDICT_FLOWS, verdictFlowId } from "./demo/verdict-scenario.js";
export type { EmulatorErrorCode } from "./errors.js";
export { EMULATOR_ERROR_CODES, EmulatorError, isEmulatorError } from "./errors.js";
export type { ScenarioSource } from "./scenario/load-scenario.js";
export { loadScenario } from "./scenario/load-scenario.js";
export type { TimeRef } from "./scenario/relative-time.js";
export type {
  Scenario,
  ScenarioComponent,
  ScenarioComponentVersion,
  ScenarioContract,
  ScenarioFlow,
  ScenarioFlowVersion,
  ScenarioLogEntry,
  ScenarioUser,
  ScenarioWorkspace,
} from "./scenario/scenario.js";
export type {
  ScenarioComponentFile,
  ScenarioComponentVersionFile,
  ScenarioContainerExitFile,
  ScenarioContractFile,
  ScenarioCredentialFile,
  ScenarioDataSampleFile,
  ScenarioExpectationFile,
  ScenarioFile,
  ScenarioFlowFile,
  ScenarioFlowVersionFile,
  ScenarioLogFile,
  ScenarioMemberFile,
  ScenarioQueueStatFile,
  ScenarioUserFile,
  ScenarioWorkspaceFile,
} from "./scenario/scenario-file.js";
export type { Emulator, EmulatorOptions, EmulatorUser } from "./server/create-emulator.js";
export { createEmulator } from "./server/create-emulator.js";
export type { FaultRule, FaultStatus } from "./server/faults.js";
export { FAULT_STATUSES } from "./server/faults.js";
export type { RecordedRequest } from "./server/request-log.js";
