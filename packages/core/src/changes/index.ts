export type { ChangeBehind, ChangeBehindOptions, ProblemStart } from "./change-behind.js";
export { findChangeBehind } from "./change-behind.js";
export { diffFlowVersions } from "./diff-flow-versions.js";
export type { FlowChange, FlowChangeKind, VersionRef } from "./flow-change.js";
export { FLOW_CHANGE_KINDS } from "./flow-change.js";
