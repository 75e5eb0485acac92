export type { AlertRule, AlertRuleChange, AlertRuleInput } from "./alerts/alert-rules.js";
export { checkAlertRule, deleteAlertRule, listAlertRules, setAlertRule } from "./alerts/alert-rules.js";
export type { ComposeOptions } from "./alerts/compose-alert.js";
export { composeAlert, consoleLink } from "./alerts/compose-alert.js";
export type { QuietHours } from "./alerts/quiet-hours.js";
export { quietUntil } from "./alerts/quiet-hours.js";
export type { AlertOptions, RaiseInput } from "./alerts/raise-alerts.js";
export { raiseAlerts, releaseHeldAlerts } from "./alerts/raise-alerts.js";
export type { SeenGroup, StateChange } from "./change-state.js";
export { changeGroupState, checkStateChange } from "./change-state.js";
export { INBOX_MIGRATIONS, STORE_MIGRATIONS } from "./db/inbox-migrations.js";
export type { EventRow, GroupRow } from "./db/inbox-schema.js";
export type { Fingerprinter, FingerprintSource } from "./fingerprints.js";
export { FINGERPRINTERS } from "./fingerprints.js";
export type { GroupEventKind, GroupState, InboxRules, SettableState, Snooze } from "./group-state.js";
export { DEFAULT_RULES, GROUP_EVENT_KINDS, GROUP_STATES, SETTABLE_STATES } from "./group-state.js";
export type { InboxErrorCode } from "./inbox-error.js";
export { InboxError } from "./inbox-error.js";
export type { InboxStore } from "./inbox-store.js";
export { createInboxStore } from "./inbox-store.js";
export type { EventFeed, EventFeedOptions, LiveEventFilter } from "./live/event-feed.js";
export { createEventFeed } from "./live/event-feed.js";
export type { LiveEvent } from "./live/read-live-events.js";
export { latestEventId, readLiveEvents } from "./live/read-live-events.js";
export {
  listGroups,
  readEvents,
  readGroupStates,
  readHourlyCounts,
  readHourlyTrends,
} from "./read-groups.js";
export type { CycleInput, RecordCycleOptions, RecordedCycle } from "./record-cycle.js";
export { recordCycle, recordCycleDetailed } from "./record-cycle.js";
export type { Occurrence } from "./resolve-groups.js";
export type { WatchCredentials } from "./watch/sealed-credentials.js";
export { openCredentials, readSecretKey, sealCredentials } from "./watch/sealed-credentials.js";
export type { WatchSource, WatchSources } from "./watch/watch-source.js";
export { platformWatchSources } from "./watch/watch-source.js";
export type { CycleReport, Watcher, WatcherOptions } from "./watch/watcher.js";
export { createWatcher } from "./watch/watcher.js";
export type { WatchConfig } from "./watch/watches.js";
export { listWatchedWorkspaces, registerWatch, removeWatch } from "./watch/watches.js";
