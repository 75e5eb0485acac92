export type { FlowHealthInput } from "./assess-flow-health.js";
export { assessFlowHealth } from "./assess-flow-health.js";
export type { CronSchedule } from "./cron.js";
export { cronTimes, parseCron } from "./cron.js";
export type { BaselineKind, FlowHealth, FlowHealthStatus } from "./flow-health.js";
export { FLOW_HEALTH_STATUSES } from "./flow-health.js";
