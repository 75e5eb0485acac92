// Building blocks of the rendered ticket: fenced text blocks, trimmed logs, numbers and sizes.
import { stripAnsi } from "./text-checks.js";

/** A number with thousands separators, independent of the locale (the output must be deterministic). */
export const formatCount = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A byte size as B, KB or MB with at most one decimal. */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trimDecimal(bytes / 1024)} KB`;
  return `${trimDecimal(bytes / (1024 * 1024))} MB`;
};

const trimDecimal = (value: number): string => value.toFixed(1).replace(/\.0$/, "");

/** Text as a fenced code block whose fence is longer than any backtick run inside, so the text cannot break out. */
export const fencedBlock = (text: string): string[] => {
  const clean = stripAnsi(text).replace(/\r\n?/g, "\n").replace(/\n+$/, "");
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return [`${fence}text`, clean, fence];
};

// Cutting at a line start further away than this would drop too much of the log.
const NEAR_LINE_START = 1_000;

/**
 * The end of a log, at most `maxChars` long and starting at a line boundary when one is near, with a note on what
 * was left out. The end is kept because that is where a failure shows.
 */
export const trimLog = (log: string, maxChars: number): { readonly text: string; readonly note?: string } => {
  const clean = stripAnsi(log).replace(/\r\n?/g, "\n");
  if (clean.length <= maxChars) return { text: clean };
  let tail = clean.slice(clean.length - maxChars);
  const lineStart = tail.indexOf("\n");
  if (lineStart >= 0 && lineStart < Math.min(NEAR_LINE_START, tail.length - 1))
    tail = tail.slice(lineStart + 1);
  const leftOut = clean.length - tail.length;
  const note =
    `The log has ${formatCount(clean.length)} characters; the first ${formatCount(leftOut)} are left out here. ` +
    "The full log is stored with the ticket.";
  return { text: tail, note };
};
