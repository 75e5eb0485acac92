export type { RootCauseInput } from "./find-root-causes.js";
export { findRootCauses } from "./find-root-causes.js";
export type {
  AffectedFlow,
  AffectedStep,
  RootCause,
  RootCauseFix,
  RootCauseKind,
  SharingFlow,
} from "./root-cause.js";
export { ROOT_CAUSE_KINDS } from "./root-cause.js";
