import type { TicketDb } from "@flowdoctor/tickets";
import {
  type AlertRule,
  type AlertRuleChange,
  type AlertRuleInput,
  deleteAlertRule,
  listAlertRules,
  setAlertRule,
} from "./alerts/alert-rules.js";
import { changeGroupState, type StateChange } from "./change-state.js";
import type { GroupState } from "./group-state.js";
import { listGroups, readEvents, readGroupStates, readHourlyTrends } from "./read-groups.js";

/** The inbox's operations over one store, as the gateway's resolvers use them. */
export interface InboxStore {
  readGroupStates(workspaceId: string, fingerprints: readonly string[]): ReturnType<typeof readGroupStates>;
  listGroups(workspaceId: string, states?: readonly GroupState[]): ReturnType<typeof listGroups>;
  changeGroupState(change: StateChange): ReturnType<typeof changeGroupState>;
  readEvents(workspaceId: string, afterId?: number): ReturnType<typeof readEvents>;
  listAlertRules(workspaceId: string): Promise<AlertRule[]>;
  setAlertRule(input: AlertRuleInput, change: AlertRuleChange): Promise<AlertRule>;
  deleteAlertRule(workspaceId: string, name: string): Promise<AlertRule>;
  readHourlyTrends(
    workspaceId: string,
    fingerprints: readonly string[],
    since: Date,
  ): ReturnType<typeof readHourlyTrends>;
}

/** The inbox over a migrated store (see `STORE_MIGRATIONS`). */
export const createInboxStore = (db: TicketDb): InboxStore => ({
  readGroupStates: (workspaceId, fingerprints) => readGroupStates(db, workspaceId, fingerprints),
  listGroups: (workspaceId, states) => listGroups(db, workspaceId, states === undefined ? {} : { states }),
  changeGroupState: (change) => changeGroupState(db, change),
  readEvents: (workspaceId, afterId) => readEvents(db, workspaceId, afterId),
  listAlertRules: (workspaceId) => listAlertRules(db, workspaceId),
  setAlertRule: (input, change) => setAlertRule(db, input, change),
  deleteAlertRule: (workspaceId, name) => deleteAlertRule(db, workspaceId, name),
  readHourlyTrends: (workspaceId, fingerprints, since) =>
    readHourlyTrends(db, workspaceId, fingerprints, since),
});
