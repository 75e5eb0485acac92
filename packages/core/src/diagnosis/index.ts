export type { ClassifiedGroup } from "./classified-groups.js";
export { classifyGroups } from "./classified-groups.js";
export type { DiagnoseFlowOptions } from "./diagnose-flow.js";
export { diagnoseFlow } from "./diagnose-flow.js";
export type {
  CheckName,
  CheckRun,
  CheckStatus,
  DiagnosedErrorGroup,
  Diagnosis,
  DiagnosisTicket,
  Escalation,
  Finding,
  FindingEvidence,
  StepState,
  StepWalk,
  Verdict,
  VerdictStatus,
  WalkThrough,
} from "./diagnosis.js";
export { CHECK_NAMES, CHECK_STATUSES, STEP_STATES } from "./diagnosis.js";
export type { DiagnosisPort, EndpointProbe } from "./diagnosis-port.js";
export type { MapperExpressionPaths, MapperPath } from "./mapper-paths.js";
export { readMapperExpression } from "./mapper-paths.js";
export type { MapperCheck, MapperProblem, PathResolution } from "./sample-check.js";
export { checkMapperAgainstSample, mapperExpressions, resolvePath } from "./sample-check.js";
export { walkThrough } from "./walk-through.js";
