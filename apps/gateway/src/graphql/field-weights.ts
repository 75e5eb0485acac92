/**
 * What one call of a field costs beyond 1, in the units of `MAX_QUERY_COST`, for fields whose work is not a lookup:
 * a log scan reads up to `MAX_LOG_SCAN` entries in pages; a diagnosis reads the flow, its steps' components, queue
 * stats, data samples and a window of up to 10,000 log entries; a workspace diagnosis does that for up to 200 flows
 * over one shared log window. Every other field costs 1, and what lies under a paged field counts once per item.
 */
const LOG_SCAN = 100;
const DIAGNOSIS = 500;

export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  "Query.errorGroups": LOG_SCAN,
  "Query.errorGroup": LOG_SCAN,
  "Query.errors": LOG_SCAN,
  "Query.logs": LOG_SCAN,
  "Query.logFile": LOG_SCAN,
  "Workspace.errorGroups": LOG_SCAN,
  "Workspace.errors": LOG_SCAN,
  // One platform request each: an execution's log lines.
  "FlowError.logs": 10,
  "Query.diagnoseFlow": DIAGNOSIS,
  "Flow.diagnosis": DIAGNOSIS,
  "Mutation.createTicketFromDiagnosis": DIAGNOSIS,
  "Query.diagnoseWorkspace": 4 * DIAGNOSIS,
};

/** The weight of `field` on `type`: 1 unless listed in {@link FIELD_WEIGHTS}. */
export const fieldWeight = (type: string, field: string): number => FIELD_WEIGHTS[`${type}.${field}`] ?? 1;
