import { connectionOf } from "../common/connection.type.js";
import { LogEntryType } from "./log-entry.type.js";

/** A page of log entries. */
export const LogEntryConnection = connectionOf("LogEntry", LogEntryType);
