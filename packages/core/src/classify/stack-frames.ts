/** What the stack frames in a text say about where an error was thrown. */
export interface StackFacts {
  /** The first frame in the component's own files (not node_modules, not Node or JVM internals). */
  readonly ownFrame: string | undefined;
  readonly frames: number;
}

const FRAME = /^[ \t]*at [^\n]+/gm;
const HAS_SOURCE_POSITION = /\.(?:[cm]?js|ts|java|kt):\d+/;
const LIBRARY_FRAME =
  /node_modules|\(node:|\bnode:internal|\(internal\/|\bat (?:async )?(?:node:|internal\/)|\bat (?:java|javax|sun|jdk|io\.elastic\.(?:api|sailor)|org\.apache|com\.fasterxml|kotlin|reactor|io\.netty|okhttp3)\./;
const MAX_FRAMES = 40;

/** Reads at most 40 stack frames (Node `at fn (file:line:col)` and Java `at pkg.Class(File.java:12)`). */
export const readStack = (text: string): StackFacts => {
  if (!text.includes("at ")) return { ownFrame: undefined, frames: 0 };
  let frames = 0;
  FRAME.lastIndex = 0;
  for (let match = FRAME.exec(text); match !== null && frames < MAX_FRAMES; match = FRAME.exec(text)) {
    frames += 1;
    const line = match[0];
    if (HAS_SOURCE_POSITION.test(line) && !LIBRARY_FRAME.test(line)) return { ownFrame: line.trim(), frames };
  }
  return { ownFrame: undefined, frames };
};

/** Error classes that mean a defect in code when thrown from the component's own files. */
export const CODE_ERROR_CLASS =
  /\b(?:TypeError|ReferenceError|RangeError|NullPointerException|ClassCastException|IllegalStateException|ArrayIndexOutOfBoundsException)\b/;

const FRAME_LINE = /\n[ \t]+at [^\n]*/g;

/**
 * The text without its stack-frame lines. Frames name functions and files, not causes ("at validateRequired",
 * "lib/timeout.js"), and they are most of a long log line: text signals are matched on the rest.
 */
export const withoutFrames = (text: string): string =>
  text.includes("\n") ? text.replace(FRAME_LINE, "") : text;
