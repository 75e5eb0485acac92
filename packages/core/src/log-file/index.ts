export type { LogFileEntry, ParsedLogLine, ToLogFileOptions } from "./log-file-line.js";
export { parseLogFile, parseLogLine } from "./parse-log-line.js";
export { toLogFile } from "./to-log-file.js";
